using System.Collections.Frozen;
using System.Security.Cryptography;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// The node's few functions that a function's built-in modules need from .NET: hashes, HMACs and
/// randomness (<c>crypto</c>), and the sources of the built-in modules themselves, compiled in an
/// isolate on first <c>require</c>. Bytes cross as base64 strings, results are strings or null; no
/// method throws. One instance serves every isolate; it is stateless.
/// </summary>
/// <remarks>
/// The bridge receives it once through a temporary global that is deleted before any user code
/// runs, and keeps it in its closure behind wrappers: no function ever holds a .NET object (a host
/// object exposes <c>GetType()</c>, and reflection from there).
/// </remarks>
public sealed class BridgeHost
{
    /// <summary>The largest <see cref="RandomBytes"/> answer; the bridge asks in chunks of at most this.</summary>
    public const int MaxRandomBytes = 65536;

    internal static readonly BridgeHost Instance = new();

    private static readonly FrozenDictionary<string, string> Sources = LoadSources();

    private BridgeHost()
    {
    }

    /// <summary>The digest of <paramref name="dataBase64"/> in base64, or null for an unknown algorithm or bad input.</summary>
    public string? Hash(string algorithm, string dataBase64)
    {
        if (!TryDecode(dataBase64, out var data))
        {
            return null;
        }
        byte[]? digest = algorithm switch
        {
            "md5" => MD5.HashData(data),
            "sha1" => SHA1.HashData(data),
            "sha256" => SHA256.HashData(data),
            "sha384" => SHA384.HashData(data),
            "sha512" => SHA512.HashData(data),
            _ => null,
        };
        return digest is null ? null : Convert.ToBase64String(digest);
    }

    /// <summary>The HMAC of <paramref name="dataBase64"/> under <paramref name="keyBase64"/>, in base64; null as for <see cref="Hash"/>.</summary>
    public string? Hmac(string algorithm, string keyBase64, string dataBase64)
    {
        if (!TryDecode(keyBase64, out var key) || !TryDecode(dataBase64, out var data))
        {
            return null;
        }
        byte[]? mac = algorithm switch
        {
            "md5" => HMACMD5.HashData(key, data),
            "sha1" => HMACSHA1.HashData(key, data),
            "sha256" => HMACSHA256.HashData(key, data),
            "sha384" => HMACSHA384.HashData(key, data),
            "sha512" => HMACSHA512.HashData(key, data),
            _ => null,
        };
        return mac is null ? null : Convert.ToBase64String(mac);
    }

    /// <summary><paramref name="count"/> cryptographically strong random bytes in base64 (0 to <see cref="MaxRandomBytes"/>).</summary>
    public string? RandomBytes(int count) =>
        count is < 0 or > MaxRandomBytes ? null : Convert.ToBase64String(RandomNumberGenerator.GetBytes(count));

    /// <summary>A random (version 4) UUID, lower case.</summary>
    public string RandomUUID() => Guid.NewGuid().ToString("D");

    /// <summary>The source of a built-in module (<c>node/crypto.js</c>, <c>vendor/buffer/index.js</c>…), or null.</summary>
    public string? Source(string name) => Sources.GetValueOrDefault(name);

    private static bool TryDecode(string? base64, out byte[] bytes)
    {
        bytes = [];
        if (base64 is null)
        {
            return false;
        }
        try
        {
            bytes = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static FrozenDictionary<string, string> LoadSources()
    {
        const string prefix = "edge-js/";
        var assembly = typeof(BridgeHost).Assembly;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            sources[name[prefix.Length..].Replace('\\', '/')] = reader.ReadToEnd();
        }
        return sources.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
