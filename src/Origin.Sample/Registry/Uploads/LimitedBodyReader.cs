using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>Reads a stream into memory, refusing with 413 as soon as it passes the limit (not after buffering it all).</summary>
internal static class LimitedBodyReader
{
    public static async Task<byte[]> ReadAsync(Stream body, long? declaredLength, long limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
        {
            throw TooLarge(limit, declaredLength.Value);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit, null);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static RegistryProblemException TooLarge(long limit, long? size) =>
        RegistryProblemException.TooLarge(ErrorCodes.TooLarge,
            size is null ? $"the zip is over the {limit}-byte limit" : $"the zip is {size} bytes, over the {limit}-byte limit");
}
