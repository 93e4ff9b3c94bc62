using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>
/// What a passed code check covers: the zip, and the settings that decide how it is checked
/// (runtime, handler, engine). The check runs before the write session; the write compares this
/// with what it reads inside its transaction, so a concurrent change is never let through unchecked.
/// </summary>
internal sealed record CheckedCode(string Sha256, string Runtime, string Handler, string Engine)
{
    public static CheckedCode For(string sha256, FunctionSettings settings) => new(sha256, settings.Runtime, settings.Handler, settings.Engine);

    /// <summary>Whether this check also holds for the code and settings read now.</summary>
    public bool Covers(string? sha256, FunctionSettings settings) => sha256 is not null && this == For(sha256, settings);
}
