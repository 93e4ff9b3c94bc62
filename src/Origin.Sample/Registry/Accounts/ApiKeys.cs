using System.Security.Cryptography;
using System.Text;

namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>Makes API keys and the hashes they are stored and looked up by.</summary>
internal static class ApiKeys
{
    /// <summary>32 random bytes, URL-safe; prefixed so that a leaked key is recognisable in logs and scanners.</summary>
    public static string Generate() => "ek_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// SHA-256 is enough here (no salt, no stretching): keys are long random strings, not passwords,
    /// and a fixed hash lets the lookup be one indexed query.
    /// </summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Twelve digits, as AWS account ids; the first is not 0 so the id never looks truncated.</summary>
    public static string NewAccountId() =>
        RandomNumberGenerator.GetInt32(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) +
        string.Concat(Enumerable.Range(0, 11).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    /// <summary>Compares two keys in constant time, for the configured admin and node keys.</summary>
    public static bool Matches(string presented, string configured) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(presented)), Encoding.UTF8.GetBytes(Hash(configured)));
}
