using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>The body of <c>POST /v1/functions</c> (with <see cref="Name"/>) and <c>PATCH /v1/functions/{name}</c>: absent members keep their value.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FunctionSettingsRequest
{
    public string? Name { get; init; }
    public string? Runtime { get; init; }
    public string? Handler { get; init; }
    public string? Engine { get; init; }
    public int? MemorySize { get; init; }
    public double? Timeout { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, string>? Environment { get; init; }
    public List<string>? AllowedHosts { get; init; }
    public List<string>? KeyValueStores { get; init; }
    public List<string>? Layers { get; init; }

    public FunctionSettings ApplyTo(FunctionSettings current) => new()
    {
        Runtime = Runtime ?? current.Runtime,
        Handler = Handler ?? current.Handler,
        Engine = Engine ?? current.Engine,
        MemorySize = MemorySize ?? current.MemorySize,
        Timeout = Timeout ?? current.Timeout,
        Description = Description ?? current.Description,
        Environment = Environment ?? current.Environment,
        AllowedHosts = AllowedHosts ?? current.AllowedHosts,
        KeyValueStores = KeyValueStores ?? current.KeyValueStores,
        Layers = Layers ?? current.Layers,
    };
}
