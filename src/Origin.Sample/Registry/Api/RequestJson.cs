using System.Text.Json;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary>
/// Reads a JSON body, answering a malformed one with a 400 that names the member and what is
/// wrong. Minimal APIs' own body binding answers such bodies with an empty 400.
/// </summary>
internal static class RequestJson
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest, "the body must be JSON (Content-Type: application/json)");
        }
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken)
                ?? throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest, "the body is JSON null; send an object");
        }
        catch (JsonException ex)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest, $"the body is not valid: {ex.Message}");
        }
    }
}
