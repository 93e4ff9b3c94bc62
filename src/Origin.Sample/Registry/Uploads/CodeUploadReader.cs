using EdgeCompute.Origin.Sample.Registry.Api;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>Takes a zip from a request: the raw <c>application/zip</c> body, or a <c>{"zipUrl"}</c> to fetch.</summary>
internal sealed class CodeUploadReader(ZipUrlFetcher fetcher, IOptions<RegistryOptions> options)
{
    public async Task<byte[]> ReadAsync(HttpRequest request, bool allowUrl, CancellationToken cancellationToken)
    {
        if (allowUrl && request.HasJsonContentType())
        {
            var body = await RequestJson.ReadAsync<ZipUrlRequest>(request, cancellationToken);
            return await fetcher.FetchAsync(body.ZipUrl, cancellationToken);
        }
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/zip", StringComparison.OrdinalIgnoreCase))
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest,
                allowUrl ? "send the zip as application/zip, or application/json {\"zipUrl\": \"https://…\"}" : "send the zip as application/zip");
        }
        return await LimitedBodyReader.ReadAsync(request.Body, request.ContentLength, options.Value.MaxZipBytes, cancellationToken);
    }

    /// <summary>Unzips (within the limit) for the checks; the caller stores the original bytes.</summary>
    public ZipContents Inspect(byte[] zip) => ZipInspector.Read(zip, options.Value.MaxUnzippedBytes);
}
