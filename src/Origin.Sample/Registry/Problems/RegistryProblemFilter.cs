using Microsoft.AspNetCore.Mvc;

namespace EdgeCompute.Origin.Sample.Registry.Problems;

/// <summary>Answers a <see cref="RegistryProblemException"/> as RFC 9457 problem details with its <c>code</c>.</summary>
internal sealed class RegistryProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RegistryProblemException problem)
        {
            return ToResult(problem);
        }
    }

    public static IResult ToResult(RegistryProblemException problem)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = TitleOf(problem.Status),
            Detail = problem.Message,
        };
        details.Extensions["code"] = problem.Code;
        foreach (var (member, value) in problem.Extensions)
        {
            details.Extensions[member] = value;
        }
        return TypedResults.Problem(details);
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad Request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Content Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        _ => "Request refused",
    };
}
