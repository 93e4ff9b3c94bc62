namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>The bare-item types of RFC 8941 that a Dictionary member can hold.</summary>
internal enum SfKind { Integer, Decimal, String, Token, ByteSequence, Boolean, InnerList }

/// <summary>One Dictionary member value; parameters are parsed for validity and then dropped (RFC 9213 defines none).</summary>
internal readonly record struct SfItem(SfKind Kind, long Integer = 0, bool Boolean = false, string? Text = null);

/// <summary>
/// A minimal RFC 8941 §4.2.2 Dictionary parser, enough to validate CDN-Cache-Control (RFC 9213 §2.1).
/// </summary>
/// <remarks>
/// Hand-written: .NET 10 ships no Structured Field Values parser. Follows the RFC's parsing algorithm exactly
/// (lower-case keys only, no space around '=', 15-digit integers, ASCII strings), because RFC 9213 requires the
/// whole field to be ignored when it fails to parse (suite: cdn-cache-control "invalid Structured Field").
/// </remarks>
internal static class StructuredFieldDictionary
{
    /// <summary>Members in order; a repeated key keeps its position and takes the last value (RFC 8941 §4.2.2).</summary>
    public static bool TryParse(string input, out List<KeyValuePair<string, SfItem>> members)
    {
        members = [];
        var p = new Parser(input);
        p.SkipSp();
        while (!p.AtEnd)
        {
            if (!p.TryKey(out var key))
            {
                return false;
            }
            SfItem item;
            if (p.Peek == '=')
            {
                p.Pos++;
                if (!p.TryMemberValue(out item))
                {
                    return false;
                }
            }
            else
            {
                item = new SfItem(SfKind.Boolean, Boolean: true);
                if (!p.TryParameters())
                {
                    return false;
                }
            }
            var index = members.FindIndex(m => m.Key == key);
            if (index >= 0)
            {
                members[index] = new(key, item);
            }
            else
            {
                members.Add(new(key, item));
            }
            p.SkipOws();
            if (p.AtEnd)
            {
                return true;
            }
            if (p.Peek != ',')
            {
                return false;
            }
            p.Pos++;
            p.SkipOws();
            if (p.AtEnd)
            {
                return false; // trailing comma
            }
        }
        return true;
    }

    private sealed class Parser(string s)
    {
        public int Pos;

        public bool AtEnd => Pos >= s.Length;
        public char Peek => Pos < s.Length ? s[Pos] : '\0';

        public void SkipSp()
        {
            while (Peek == ' ')
            {
                Pos++;
            }
        }

        public void SkipOws()
        {
            while (Peek is ' ' or '\t')
            {
                Pos++;
            }
        }

        public bool TryKey(out string key)
        {
            key = "";
            var start = Pos;
            if (!(Peek is >= 'a' and <= 'z' or '*'))
            {
                return false;
            }
            while (Peek is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' or '.' or '*')
            {
                Pos++;
            }
            key = s[start..Pos];
            return true;
        }

        public bool TryMemberValue(out SfItem item)
        {
            if (Peek == '(')
            {
                item = new SfItem(SfKind.InnerList);
                return TryInnerList();
            }
            return TryItem(out item);
        }

        private bool TryInnerList()
        {
            Pos++;
            while (!AtEnd)
            {
                SkipSp();
                if (Peek == ')')
                {
                    Pos++;
                    return TryParameters();
                }
                if (!TryItem(out _))
                {
                    return false;
                }
                if (Peek is not (' ' or ')'))
                {
                    return false;
                }
            }
            return false;
        }

        private bool TryItem(out SfItem item) => TryBareItem(out item) && TryParameters();

        public bool TryParameters()
        {
            while (Peek == ';')
            {
                Pos++;
                SkipSp();
                if (!TryKey(out _))
                {
                    return false;
                }
                if (Peek == '=')
                {
                    Pos++;
                    if (!TryBareItem(out _))
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        private bool TryBareItem(out SfItem item)
        {
            item = default;
            var c = Peek;
            if (c is '-' or >= '0' and <= '9')
            {
                return TryNumber(out item);
            }
            if (c == '"')
            {
                return TryString(out item);
            }
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '*')
            {
                var start = Pos;
                while (FieldList.IsTChar(Peek) || Peek is ':' or '/')
                {
                    Pos++;
                }
                item = new SfItem(SfKind.Token, Text: s[start..Pos]);
                return true;
            }
            if (c == ':')
            {
                Pos++;
                var start = Pos;
                while (Peek is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '+' or '/' or '=')
                {
                    Pos++;
                }
                if (Peek != ':')
                {
                    return false;
                }
                item = new SfItem(SfKind.ByteSequence, Text: s[start..Pos]);
                Pos++;
                return true;
            }
            if (c == '?')
            {
                Pos++;
                if (Peek is not ('0' or '1'))
                {
                    return false;
                }
                item = new SfItem(SfKind.Boolean, Boolean: Peek == '1');
                Pos++;
                return true;
            }
            return false;
        }

        private bool TryNumber(out SfItem item)
        {
            item = default;
            var negative = Peek == '-';
            if (negative)
            {
                Pos++;
            }
            if (Peek is < '0' or > '9')
            {
                return false;
            }
            long integer = 0;
            var intDigits = 0;
            while (Peek is >= '0' and <= '9')
            {
                if (++intDigits > 15)
                {
                    return false;
                }
                integer = integer * 10 + (Peek - '0');
                Pos++;
            }
            if (Peek != '.')
            {
                item = new SfItem(SfKind.Integer, Integer: negative ? -integer : integer);
                return true;
            }
            if (intDigits > 12)
            {
                return false;
            }
            Pos++;
            var fracDigits = 0;
            while (Peek is >= '0' and <= '9')
            {
                if (++fracDigits > 3)
                {
                    return false;
                }
                Pos++;
            }
            item = new SfItem(SfKind.Decimal);
            return fracDigits > 0;
        }

        private bool TryString(out SfItem item)
        {
            item = default;
            Pos++;
            var text = new System.Text.StringBuilder();
            while (!AtEnd)
            {
                var c = s[Pos++];
                if (c == '\\')
                {
                    if (Peek is not ('"' or '\\'))
                    {
                        return false;
                    }
                    text.Append(s[Pos++]);
                }
                else if (c == '"')
                {
                    item = new SfItem(SfKind.String, Text: text.ToString());
                    return true;
                }
                else if (c is < ' ' or > '~')
                {
                    return false;
                }
                else
                {
                    text.Append(c);
                }
            }
            return false;
        }
    }
}
