using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EdgeCompute.Origin.Sample.Logs.Query;

/// <summary>
/// A place in the order of <c>GET /logs</c> (time, node, sequence): the next query returns only lines after it,
/// so paging and <c>--follow</c> print no line twice. Opaque to clients: base64url of <c>time|sequence|node</c>.
/// </summary>
internal sealed record LogCursor(DateTimeOffset Time, string NodeId, long Sequence)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Time.UtcTicks}|{Sequence}|{NodeId}")));

    public static bool TryParse(string text, out LogCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|', 3);
            if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                cursor = new LogCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[2], sequence);
            }
        }
        catch (FormatException)
        {
        }
        return cursor is not null;
    }
}
