using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>Status codes as strings, as Lambda@Edge events carry them, without allocating for common ones.</summary>
internal static class StatusText
{
    private static readonly string[] Numbers = Enumerable.Range(0, 600).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public static string Number(int status) => status is >= 0 and < 600 ? Numbers[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Description(HttpContext context)
    {
        var phrase = context.Features.Get<IHttpResponseFeature>()?.ReasonPhrase;
        return string.IsNullOrEmpty(phrase) ? ReasonPhrases.GetReasonPhrase(context.Response.StatusCode) : phrase;
    }
}
