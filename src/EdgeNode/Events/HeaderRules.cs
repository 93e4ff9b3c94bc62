using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// CloudFront's header restrictions (DESIGN §3, "Restrictions on edge functions"): headers functions
/// never see and may not add, and headers each event may read but not change.
/// </summary>
public static class HeaderRules
{
    private static readonly HashSet<string> Disallowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Expect", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "Trailer", "Upgrade", "X-Cache", "X-Forwarded-Proto", "X-Real-IP",
    };

    private static readonly string[] DisallowedPrefixes = ["X-Accel-", "X-Amz-Cf-", "X-Amzn-", "X-Edge-"];

    private static readonly string[][] ReadOnly =
    [
        ["content-length", "host", "transfer-encoding", "via"],
        ["accept-encoding", "content-length", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "transfer-encoding", "via"],
        ["transfer-encoding", "via"],
        ["warning", "via"],
    ];

    /// <summary>Hidden from functions, and a validation error if a function adds it.</summary>
    public static bool IsDisallowed(string name)
    {
        if (Disallowed.Contains(name))
        {
            return true;
        }
        foreach (var prefix in DisallowedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lower-case names a function of this event may read but not change.</summary>
    public static IReadOnlyList<string> ReadOnlyFor(EdgeEventType type) => ReadOnly[(int)type];

    /// <summary>
    /// Content-Length and Transfer-Encoding: the node owns message framing, so a body's length is what
    /// the node sends, whatever a function says.
    /// </summary>
    public static bool IsFraming(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);

    /// <summary>An RFC 9110 token: the only characters allowed in a header name.</summary>
    public static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (c > 0x7e || c <= 0x20 || "\"(),/:;<=>?@[\\]{}".Contains(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Visible ASCII, spaces and tabs only (RFC 9110 §5.5 without obs-text): CR, LF or NUL would split or
    /// end the header, and Kestrel and HttpClient refuse other control and non-ASCII characters when
    /// sending, which would surface as a 500 or an origin error instead of the function's validation error.
    /// </summary>
    public static bool IsValidValue(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The <c>key</c> CloudFront fills in when a function leaves it out: <c>x-my-header</c> → <c>X-My-Header</c>.</summary>
    public static string TitleCase(string name)
    {
        return string.Create(name.Length, name, static (span, source) =>
        {
            var upper = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = upper ? char.ToUpperInvariant(c) : c;
                upper = c == '-';
            }
        });
    }
}
