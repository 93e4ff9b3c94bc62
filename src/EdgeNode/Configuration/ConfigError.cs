namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>One problem found in the configuration: which file, where in it, and what is wrong.</summary>
public sealed record ConfigError(string File, string Path, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Path) ? $"{File}: {Message}" : $"{File}: {Path}: {Message}";
}
