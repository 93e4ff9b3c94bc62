namespace EdgeCompute.EdgeNode.Regional;

/// <summary>A bundle's name: its SHA-256 as 64 lower-case hex digits. Checked before it becomes a URL or a file name.</summary>
internal static class BundleHash
{
    public static bool IsValid(string? hash) => hash is { Length: 64 } && hash.All(char.IsAsciiHexDigitLower);
}
