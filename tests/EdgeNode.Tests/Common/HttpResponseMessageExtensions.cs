namespace EdgeCompute.EdgeNode.Tests.Common;

internal static class HttpResponseMessageExtensions
{
    /// <summary>Every value of a response header, from the message or content headers; one per header line.</summary>
    public static string[] HeaderValues(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.ToArray()
            : [];

    /// <summary>A single-valued response header, or null when absent.</summary>
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.HeaderValues(name) is { Length: > 0 } values ? string.Join(", ", values) : null;

    /// <summary>Header names exactly as they came on the wire.</summary>
    public static IEnumerable<string> HeaderNames(this HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key));
}
