namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>A function's <c>$LATEST</c> as the API returns it.</summary>
internal sealed record FunctionResponse(
    string Name, string Runtime, string Handler, string Engine, int MemorySize, double Timeout, string Description,
    IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> AllowedHosts, IReadOnlyList<string> KeyValueStores,
    IReadOnlyList<string> Layers, string? CodeSha256, long? CodeSize, DateTimeOffset LastModified)
{
    public static FunctionResponse From(FunctionRecord f) => new(
        f.Name, f.Settings.Runtime, f.Settings.Handler, f.Settings.Engine, f.Settings.MemorySize, f.Settings.Timeout,
        f.Settings.Description, f.Settings.Environment, f.Settings.AllowedHosts, f.Settings.KeyValueStores, f.Settings.Layers,
        f.CodeSha256, f.CodeSize, f.LastModified);
}

/// <summary><c>GET /v1/functions</c>.</summary>
internal sealed record FunctionListResponse(IReadOnlyList<FunctionResponse> Functions);
