using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EdgeCompute.Origin.Sample.Content;

/// <summary>A product as exposed by both the HTML pages and the JSON API.</summary>
internal sealed record Product(int Id, string Name, string Description, decimal Price, string Currency, string Image, string Page);

/// <summary>
/// The fixed set of sample products (ids 1..20). Generated from small word lists rather than
/// randomly so every origin instance serves byte-identical bodies, and therefore equal ETags.
/// </summary>
internal sealed class ProductCatalog
{
    public const int Count = 20;

    private static readonly string[] Adjectives = ["Classic", "Compact", "Deluxe", "Rugged", "Silent"];
    private static readonly string[] Nouns = ["Kettle", "Lamp", "Backpack", "Headphones"];

    public ProductCatalog()
    {
        var products = new Product[Count];
        for (var i = 0; i < Count; i++)
        {
            var id = i + 1;
            var name = $"{Adjectives[i / Nouns.Length]} {Nouns[i % Nouns.Length]}";
            products[i] = new Product(
                id,
                name,
                $"The {name.ToLowerInvariant()}, sample product number {id}.",
                Price: 4.99m + (id * 5),
                Currency: "EUR",
                Image: $"/images/product-{id}.png",
                Page: $"/products/{id}.html");
        }

        All = products;
    }

    public IReadOnlyList<Product> All { get; }

    /// <summary>
    /// Looks a product up by its id as it appears in a URL. Only the canonical spelling is
    /// accepted ("7", not "07" or "+7") so each product has exactly one cache key.
    /// </summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Product? product)
    {
        product = null;
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            number is < 1 or > Count ||
            id != number.ToString(CultureInfo.InvariantCulture))
        {
            return false;
        }

        product = All[number - 1];
        return true;
    }
}
