using System.Globalization;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Logs;

/// <summary>One log item as a text line: <c>2026-11-28T12:00:00.123Z edge-1 REQUEST-ID INFO message</c>.</summary>
internal static class LogLineFormatter
{
    public static string Format(JsonNode item)
    {
        var text = JsonText.Of(item["time"]);
        var time = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : text;
        return $"{time} {JsonText.Of(item["nodeId"])} {JsonText.Of(item["requestId"])} {JsonText.Of(item["level"])} {(string?)item["message"]}";
    }
}
