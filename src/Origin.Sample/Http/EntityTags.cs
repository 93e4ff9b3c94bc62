using System.Security.Cryptography;

namespace EdgeCompute.Origin.Sample.Http;

/// <summary>
/// Builds strong entity tags from representation bytes. Bodies are deterministic, so the tag
/// is stable across restarts and across origin instances — which is what lets an edge cache
/// revalidate against any of them.
/// </summary>
internal static class EntityTags
{
    // 8 bytes (16 hex digits) is plenty to tell sample bodies apart and keeps headers short.
    private const int PrefixBytes = 8;

    public static string FromBody(ReadOnlySpan<byte> body) => FromHash(SHA256.HashData(body));

    public static string FromHash(ReadOnlySpan<byte> sha256)
        => "\"" + Convert.ToHexStringLower(sha256[..PrefixBytes]) + "\"";
}
