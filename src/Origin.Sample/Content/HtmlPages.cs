using System.Net;
using System.Text;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Content;

/// <summary>
/// Renders the site's HTML pages once at startup. They never change while the process runs,
/// so rendering (and hashing for the ETag) per request would only add noise to benchmarks.
/// </summary>
internal sealed class HtmlPages
{
    private static readonly (string Href, string Label)[] MoreLinks =
    [
        ("/about.html", "About this origin"),
        ("/api/products", "Products API (JSON)"),
        ("/api/time", "Server time (never cached)"),
        ("/private/profile", "Profile (private)"),
        ("/images/logo.png", "Logo (PNG)"),
        ("/images/logo.svg", "Logo (SVG)"),
    ];

    private readonly Dictionary<int, Representation> _productPages;

    public HtmlPages(ProductCatalog catalog)
    {
        Home = Representation.Cacheable(RenderHome(catalog), MediaTypes.Html, CachePolicies.HomePage);
        About = Representation.Cacheable(RenderAbout(), MediaTypes.Html, CachePolicies.ContentPage);
        NotFound = Representation.Dynamic(
            SiteLayout.Render("Not Found", "    <p>The requested resource does not exist on this origin.</p>"),
            MediaTypes.Html,
            CachePolicies.NotFound);
        _productPages = catalog.All.ToDictionary(
            p => p.Id,
            p => Representation.Cacheable(RenderProduct(p), MediaTypes.Html, CachePolicies.ContentPage));
    }

    public Representation Home { get; }

    public Representation About { get; }

    /// <summary>Served with status 404, so it carries no validators.</summary>
    public Representation NotFound { get; }

    public Representation Product(Product product) => _productPages[product.Id];

    private static string RenderHome(ProductCatalog catalog)
    {
        var html = new StringBuilder();
        html.AppendLine("    <p>Sample content served with realistic HTTP caching headers.</p>");
        html.AppendLine("    <h2>Products</h2>");
        html.AppendLine("    <ul>");
        foreach (var product in catalog.All)
        {
            html.AppendLine($"""      <li><a href="{product.Page}">{WebUtility.HtmlEncode(product.Name)}</a></li>""");
        }

        html.AppendLine("    </ul>");
        html.AppendLine("    <h2>More</h2>");
        html.AppendLine("    <ul>");
        foreach (var (href, label) in MoreLinks)
        {
            html.AppendLine($"""      <li><a href="{href}">{label}</a></li>""");
        }

        html.Append("    </ul>");
        return SiteLayout.Render("Home", html.ToString());
    }

    private static string RenderAbout() => SiteLayout.Render("About", """
            <p>This origin exists to sit behind the EdgeCompute edge node.</p>
            <p>Each kind of content uses a different Cache-Control policy, and every cacheable
            body has a stable strong ETag and a fixed Last-Modified date.</p>
            <img src="/images/about.svg" alt="About" width="16" height="16">
        """);

    private static string RenderProduct(Product product) => SiteLayout.Render(product.Name, $"""
            <p>{WebUtility.HtmlEncode(product.Description)}</p>
            <p>Price: {product.Price:0.00} {product.Currency}</p>
            <img src="{product.Image}" alt="{WebUtility.HtmlEncode(product.Name)}" width="16" height="16">
            <p><a href="/api/products/{product.Id}">JSON</a></p>
        """);
}
