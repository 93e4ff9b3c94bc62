using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary>Answers <c>/v1</c> requests that match no registry route with problem details.</summary>
internal static class RegistryFallback
{
    public static IResult Answer(HttpContext context)
    {
        var request = context.Request;
        // Routes that take a body are selected by its media type too: a path that exists was sent the wrong one.
        var problem = string.IsNullOrEmpty(request.ContentType)
            ? RegistryProblemException.NotFound($"no registry route for {request.Method} {request.Path}; see /openapi/v1.json")
            : new RegistryProblemException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.InvalidRequest,
                $"no registry route for {request.Method} {request.Path} takes {request.ContentType}; see /openapi/v1.json");
        return RegistryProblemFilter.ToResult(problem);
    }
}
