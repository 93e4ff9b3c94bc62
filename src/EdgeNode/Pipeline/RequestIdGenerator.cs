using System.Buffers.Text;
using System.Security.Cryptography;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// Request ids shaped like CloudFront's <c>X-Amz-Cf-Id</c>: 40 random bytes, base64url, 56 characters
/// ending in <c>==</c>. Functions that parse or log the id see what they would on AWS.
/// </summary>
internal static class RequestIdGenerator
{
    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[40];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes) + "==";
    }
}
