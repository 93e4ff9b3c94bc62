namespace EdgeCompute.EdgeNode.Model;

/// <summary>
/// A CloudFront path pattern: <c>*</c> matches any run of characters (slashes included), <c>?</c>
/// exactly one; matching is case-sensitive and anchored at both ends; a missing leading <c>/</c>
/// is implied. Hand-written rather than a Regex: it runs on every request and needs no allocation.
/// </summary>
public sealed class PathPattern
{
    private readonly string _pattern;

    public PathPattern(string pattern)
    {
        Text = pattern;
        _pattern = pattern == "*" || pattern.StartsWith('/') || pattern.StartsWith('*') ? pattern : "/" + pattern;
    }

    /// <summary>The pattern as written in config.</summary>
    public string Text { get; }

    public bool IsMatch(ReadOnlySpan<char> path)
    {
        var pattern = _pattern.AsSpan();
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == path[s]))
            {
                p++;
                s++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    public override string ToString() => Text;
}
