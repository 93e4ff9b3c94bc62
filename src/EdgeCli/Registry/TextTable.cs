using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>Rows of registry JSON as left-aligned columns under upper-case headers, as <c>kubectl get</c> prints them.</summary>
internal sealed class TextTable
{
    private readonly List<(string Header, Func<JsonNode, string> Value)> _columns = [];

    /// <summary>A column showing a member of each row, as <see cref="JsonText.Of"/> writes it.</summary>
    public TextTable Column(string header, string member) => Column(header, row => JsonText.Of(row[member]));

    public TextTable Column(string header, Func<JsonNode, string> value)
    {
        _columns.Add((header, value));
        return this;
    }

    /// <summary>Writes the header and one line per row; <paramref name="empty"/> alone when there are no rows.</summary>
    public void Write(TextWriter writer, IReadOnlyList<JsonNode> rows, string empty)
    {
        if (rows.Count == 0)
        {
            writer.WriteLine(empty);
            return;
        }
        var cells = rows.Select(row => _columns.Select(c => c.Value(row)).ToArray()).ToList();
        var widths = _columns.Select((c, i) => Math.Max(c.Header.Length, cells.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(Line(_columns.Select(c => c.Header).ToArray(), widths));
        foreach (var row in cells)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();
}
