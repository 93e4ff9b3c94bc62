using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// Splits RFC 9110 §5.6.1 list-based fields (<c>#element</c>) into trimmed members across all field lines.
/// </summary>
/// <remarks>
/// Hand-written because Microsoft.Net.Http.Headers has no generic list splitter that is quote-aware:
/// a comma inside a quoted-string (<c>extension="max-age=3600, x"</c>) must not start a new member.
/// </remarks>
internal static class FieldList
{
    /// <summary>Every non-empty member of every line, OWS trimmed, in order.</summary>
    public static List<string> Split(StringValues fieldLines)
    {
        var members = new List<string>();
        foreach (var line in fieldLines)
        {
            if (line is not null)
            {
                SplitLine(line, members);
            }
        }
        return members;
    }

    /// <summary>Members of one line appended to <paramref name="members"/>; empty members (<c>a,,b</c>) are dropped.</summary>
    public static void SplitLine(string line, List<string> members)
    {
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++; // quoted-pair: the next character is literal, even a quote
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                Add(line, start, i, members);
                start = i + 1;
            }
        }
        Add(line, start, line.Length, members);
    }

    private static void Add(string line, int start, int end, List<string> members)
    {
        var member = line.AsSpan(start, end - start).Trim(" \t");
        if (!member.IsEmpty)
        {
            members.Add(member.ToString());
        }
    }

    /// <summary>The content of a quoted-string (RFC 9110 §5.6.4) with quoted-pairs resolved; null when not one.</summary>
    public static string? Unquote(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return null;
        }
        var inner = value[1..^1];
        if (inner.IndexOf('\\') < 0)
        {
            return inner.IndexOf('"') < 0 ? inner.ToString() : null;
        }
        var result = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\')
            {
                if (++i == inner.Length)
                {
                    return null;
                }
                c = inner[i];
            }
            else if (c == '"')
            {
                return null;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>An RFC 9110 token (tchar+).</summary>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!IsTChar(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsTChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
