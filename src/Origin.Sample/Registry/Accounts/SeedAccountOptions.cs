namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>An account listed under <c>Registry:Accounts</c>, created on start with the given key.</summary>
public sealed class SeedAccountOptions
{
    /// <summary>Twelve digits, as AWS account ids.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Stored only as its SHA-256 hash.</summary>
    public string ApiKey { get; set; } = "";
}
