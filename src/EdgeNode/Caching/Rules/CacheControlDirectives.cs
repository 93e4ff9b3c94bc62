using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// Parsed Cache-Control (RFC 9111 §5.2) or CDN-Cache-Control (RFC 9213) directives from all field lines of one header.
/// </summary>
/// <remarks>
/// Hand-written rather than <c>CacheControlHeaderValue</c>: that type rejects the whole field on any oddity
/// (e.g. <c>max-age=3600.5</c> or <c>max-age='3600'</c>), keeps only the last of duplicate directives, caps
/// nothing, and has no <c>must-understand</c>/<c>immutable</c>/<c>stale-*</c> properties; the conformance suite
/// (cc-parse, cc-freshness) needs per-directive leniency, first-occurrence wins, and "invalid means stale".
/// </remarks>
internal sealed class CacheControlDirectives
{
    /// <summary>RFC 9111 §1.2.2: delta-seconds beyond what a cache can represent are taken as 2^31 seconds.</summary>
    public static readonly TimeSpan MaxDelta = TimeSpan.FromSeconds(2147483648);

    /// <summary>No directives at all (an absent header).</summary>
    public static CacheControlDirectives Empty { get; } = new();

    public bool NoStore { get; private set; }
    public bool NoCache { get; private set; }
    public bool Private { get; private set; }
    public bool Public { get; private set; }
    public bool MustRevalidate { get; private set; }
    public bool ProxyRevalidate { get; private set; }
    public bool MustUnderstand { get; private set; }
    public bool Immutable { get; private set; }
    public bool OnlyIfCached { get; private set; }
    public bool NoTransform { get; private set; }

    public TimeSpan? MaxAge { get; private set; }
    public TimeSpan? SharedMaxAge { get; private set; }
    public TimeSpan? StaleWhileRevalidate { get; private set; }
    public TimeSpan? StaleIfError { get; private set; }
    public TimeSpan? MinFresh { get; private set; }

    /// <summary><see cref="TimeSpan.MaxValue"/> when <c>max-stale</c> has no value: any staleness is acceptable.</summary>
    public TimeSpan? MaxStale { get; private set; }

    /// <summary>
    /// The first <c>max-age</c> has a value that is not delta-seconds (<c>-1</c>, <c>abc</c>, <c>'3600'</c>,
    /// <c>" 3600"</c>): RFC 9111 §4.2.1 says to treat such a response as stale (suite: freshness-max-age-negative,
    /// freshness-max-age-single-quoted).
    /// </summary>
    public bool HasInvalidMaxAge { get; private set; }

    /// <summary>As <see cref="HasInvalidMaxAge"/>, for the first <c>s-maxage</c>.</summary>
    public bool HasInvalidSharedMaxAge { get; private set; }

    /// <summary>Field names of the qualified form <c>no-cache="a, b"</c> (lower-case); empty for the unqualified form.</summary>
    public IReadOnlyList<string> NoCacheFields { get; private set; } = [];

    /// <summary>Field names of the qualified form <c>private="a, b"</c> (lower-case); empty for the unqualified form.</summary>
    public IReadOnlyList<string> PrivateFields { get; private set; } = [];

    /// <summary>Unqualified <c>no-cache</c>: every use needs validation. The qualified form only restricts listed fields.</summary>
    public bool NoCacheUnqualified => NoCache && NoCacheFields.Count == 0;

    /// <summary>Unqualified <c>private</c>: a shared cache must not store. The qualified form only restricts listed fields.</summary>
    public bool PrivateUnqualified => Private && PrivateFields.Count == 0;

    /// <summary>True when no directive at all was recognised or present (extensions included).</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>
    /// Parses Cache-Control's <c>#cache-directive</c> list (RFC 9111 §5.2) from every line. Names are
    /// case-insensitive; values may be tokens or quoted-strings. The first occurrence of a directive wins
    /// (RFC 9111 §4.2.1 "SHOULD use the first"), so later duplicates never change the result.
    /// </summary>
    public static CacheControlDirectives Parse(StringValues fieldLines)
    {
        var result = new CacheControlDirectives();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in FieldList.Split(fieldLines))
        {
            result.IsEmpty = false;
            var eq = member.IndexOf('=');
            // No trimming around '=': "max-age =3600" names an unknown directive and "max-age= 3600" has an
            // invalid value (suite: freshness-max-age-space-before/after-equals).
            var name = eq < 0 ? member : member[..eq];
            if (!FieldList.IsToken(name) || !seen.Add(name))
            {
                continue;
            }
            string? value = null;
            if (eq >= 0)
            {
                // RFC 9111 §5.2: recipients accept both token and quoted-string forms (max-age="3600").
                var raw = member.AsSpan(eq + 1);
                value = FieldList.Unquote(raw) ?? raw.ToString();
            }
            result.Apply(name.ToLowerInvariant(), value);
        }
        return result;
    }

    /// <summary>
    /// Parses CDN-Cache-Control (RFC 9213 §2.1): a Structured Fields Dictionary. Returns null when the field is
    /// absent, empty, not a valid Dictionary, or a known directive has the wrong type; the cache then falls back
    /// to Cache-Control and Expires (RFC 9213 §2.2; suite: cdn-cache-control invalid-sf tests).
    /// </summary>
    public static CacheControlDirectives? ParseTargeted(StringValues fieldLines)
    {
        var combined = string.Join(", ", fieldLines.Where(line => !string.IsNullOrWhiteSpace(line)));
        if (combined.Length == 0 || !StructuredFieldDictionary.TryParse(combined, out var members) || members.Count == 0)
        {
            return null;
        }
        var result = new CacheControlDirectives { IsEmpty = false };
        foreach (var (key, item) in members)
        {
            switch (key)
            {
                case "max-age" or "s-maxage" or "stale-while-revalidate" or "stale-if-error":
                    // RFC 9213 §2.1: these take Integers; a negative one or another type invalidates the field.
                    if (item.Kind != SfKind.Integer || item.Integer < 0)
                    {
                        return null;
                    }
                    result.Apply(key, item.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "no-cache" or "private":
                    if (item.Kind == SfKind.Boolean)
                    {
                        if (item.Boolean)
                        {
                            result.Apply(key, null);
                        }
                    }
                    else if (item.Kind == SfKind.String)
                    {
                        result.Apply(key, item.Text);
                    }
                    else
                    {
                        return null;
                    }
                    break;
                default:
                    // Other directives are flags; "?0" switches one off, any other value switches it on.
                    if (item.Kind != SfKind.Boolean || item.Boolean)
                    {
                        result.Apply(key, null);
                    }
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// delta-seconds (RFC 9111 §1.2.2) leniently: the leading run of digits, capped at 2^31 seconds. Trailing
    /// junk after at least one digit (<c>3600.5</c>, <c>3600a</c>) keeps the digits, as the suite's cc-parse
    /// checks expect; no leading digit (<c>-1</c>, <c>a3600</c>, <c>'3600'</c>, <c> 3600</c>) is invalid.
    /// </summary>
    public static bool TryParseDeltaSeconds(ReadOnlySpan<char> value, out TimeSpan delta)
    {
        delta = default;
        long seconds = 0;
        var digits = 0;
        while (digits < value.Length && value[digits] is >= '0' and <= '9')
        {
            seconds = Math.Min(seconds * 10 + (value[digits] - '0'), 2147483648L);
            digits++;
        }
        if (digits == 0)
        {
            return false;
        }
        delta = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private void Apply(string name, string? value)
    {
        switch (name)
        {
            case "no-store": NoStore = true; break;
            case "public": Public = true; break;
            case "must-revalidate": MustRevalidate = true; break;
            case "proxy-revalidate": ProxyRevalidate = true; break;
            case "must-understand": MustUnderstand = true; break;
            case "immutable": Immutable = true; break;
            case "only-if-cached": OnlyIfCached = true; break;
            case "no-transform": NoTransform = true; break;
            case "no-cache":
                NoCache = true;
                NoCacheFields = FieldNames(value);
                break;
            case "private":
                Private = true;
                PrivateFields = FieldNames(value);
                break;
            case "max-age":
                MaxAge = Delta(value, out var invalidMaxAge);
                HasInvalidMaxAge = invalidMaxAge;
                break;
            case "s-maxage":
                SharedMaxAge = Delta(value, out var invalidShared);
                HasInvalidSharedMaxAge = invalidShared;
                break;
            case "stale-while-revalidate": StaleWhileRevalidate = Delta(value, out _); break;
            case "stale-if-error": StaleIfError = Delta(value, out _); break;
            case "min-fresh": MinFresh = Delta(value, out _); break;
            case "max-stale":
                // RFC 9111 §5.2.1.2: without a value any staleness is accepted; an unreadable value is ignored.
                MaxStale = value is null ? TimeSpan.MaxValue : Delta(value, out _);
                break;
        }
    }

    private static TimeSpan? Delta(string? value, out bool invalid)
    {
        if (value is not null && TryParseDeltaSeconds(value, out var delta))
        {
            invalid = false;
            return delta;
        }
        invalid = true;
        return null;
    }

    private static IReadOnlyList<string> FieldNames(string? value)
    {
        if (value is null)
        {
            return [];
        }
        var names = new List<string>();
        foreach (var name in FieldList.Split(value))
        {
            var lower = name.ToLowerInvariant();
            if (!names.Contains(lower))
            {
                names.Add(lower);
            }
        }
        return names;
    }
}
