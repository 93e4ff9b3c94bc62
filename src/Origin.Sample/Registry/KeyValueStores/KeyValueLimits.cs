using System.Text;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.KeyValueStores;

/// <summary>CloudFront's key-value store limits, the same numbers the node enforces when it loads a store.</summary>
internal static class KeyValueLimits
{
    public static long ItemBytes(string key, string value) => Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);

    public static void CheckItem(string key, string? value)
    {
        if (key.Length is 0 or > KeyValueStoreModel.MaxKeyChars)
        {
            throw Exceeded($"key of {key.Length} characters: keys have 1–{KeyValueStoreModel.MaxKeyChars} characters");
        }
        if (value is null)
        {
            throw RegistryProblemException.Invalid($"key '{key}' needs a string value");
        }
        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > KeyValueStoreModel.MaxValueBytes)
        {
            throw Exceeded($"the value of '{key}' is {bytes} bytes, over the {KeyValueStoreModel.MaxValueBytes}-byte (1 KB) limit");
        }
    }

    public static void CheckTotal(long totalBytes)
    {
        if (totalBytes > KeyValueStoreModel.MaxStoreBytes)
        {
            throw Exceeded($"the store would hold {totalBytes} bytes, over the {KeyValueStoreModel.MaxStoreBytes}-byte (5 MB) limit");
        }
    }

    private static RegistryProblemException Exceeded(string detail) => RegistryProblemException.BadRequest(ErrorCodes.LimitExceeded, detail);
}
