using System.Collections.Immutable;
using CorsGen.Pcre;

namespace CorsGen.Tests.Automata;

/// <summary>
/// A deliberately small PCRE2-subset parser for the automata tests, so they can be checked against
/// real PCRE2 before (and independently of) the project's parser: literals, <c>.</c>, classes,
/// <c>\d \w \s \D \W \S</c>, <c>\xHH \n \t \r</c>, escaped punctuation, groups <c>( )</c> and
/// <c>(?: )</c>, <c>|</c>, quantifiers (greedy or lazy), <c>^ $ \A \z \Z \b \B \G</c>, and a
/// leading <c>(?m)</c>. Throws <see cref="FormatException"/> on anything else.
/// </summary>
internal sealed class MiniPcre
{
    private static readonly ByteSet Digit = ByteSet.Range('0', '9');
    private static readonly ByteSet Word = ByteSet.Range('a', 'z').Union(ByteSet.Range('A', 'Z')).Union(Digit).Union(ByteSet.Single('_'));
    private static readonly ByteSet Space = ByteSet.Range(9, 13).Union(ByteSet.Single(' '));

    private readonly string _p;
    private int _i;
    private bool _multiline;

    private MiniPcre(string pattern) => _p = pattern;

    public static RegexNode Parse(string pattern)
    {
        var parser = new MiniPcre(pattern);
        if (pattern.StartsWith("(?m)", StringComparison.Ordinal))
        {
            parser._multiline = true;
            parser._i = 4;
        }

        var node = parser.ParseAlternation();
        if (parser._i != pattern.Length)
        {
            throw new FormatException($"unexpected '{pattern[parser._i]}' at {parser._i}");
        }

        return node;
    }

    private RegexNode ParseAlternation()
    {
        var alternatives = new List<RegexNode> { ParseSequence() };
        while (_i < _p.Length && _p[_i] == '|')
        {
            _i++;
            alternatives.Add(ParseSequence());
        }

        return alternatives.Count == 1 ? alternatives[0] : new AlternationNode(alternatives.ToImmutableArray(), 0, 0);
    }

    private RegexNode ParseSequence()
    {
        var items = new List<RegexNode>();
        while (_i < _p.Length && _p[_i] != '|' && _p[_i] != ')')
        {
            var atom = ParseAtom();
            items.Add(ParseQuantifiers(atom));
        }

        return new SequenceNode(items.ToImmutableArray(), 0, 0);
    }

    private RegexNode ParseQuantifiers(RegexNode atom)
    {
        while (_i < _p.Length)
        {
            int min, max;
            var c = _p[_i];
            if (c == '*') { min = 0; max = -1; _i++; }
            else if (c == '+') { min = 1; max = -1; _i++; }
            else if (c == '?') { min = 0; max = 1; _i++; }
            else if (c == '{' && TryParseBraces(out min, out max)) { }
            else
            {
                break;
            }

            if (atom is AssertionNode)
            {
                throw new FormatException("quantified assertion");
            }

            var lazy = false;
            if (_i < _p.Length && _p[_i] == '?') { lazy = true; _i++; }
            else if (_i < _p.Length && _p[_i] == '+')
            {
                throw new FormatException("possessive");
            }

            atom = new RepeatNode(atom, min, max, lazy, 0, 0);
        }

        return atom;
    }

    private bool TryParseBraces(out int min, out int max)
    {
        var j = _i + 1;
        min = max = 0;
        var start = j;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            j++;
        }

        if (j == start)
        {
            return false;
        }

        min = int.Parse(_p.AsSpan(start, j - start));
        if (j < _p.Length && _p[j] == '}') { max = min; _i = j + 1; return true; }
        if (j >= _p.Length || _p[j] != ',')
        {
            return false;
        }

        j++;
        start = j;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            j++;
        }

        if (j >= _p.Length || _p[j] != '}')
        {
            return false;
        }

        max = j == start ? -1 : int.Parse(_p.AsSpan(start, j - start));
        if (max >= 0 && max < min)
        {
            throw new FormatException("bad range");
        }

        _i = j + 1;
        return true;
    }

    private RegexNode ParseAtom()
    {
        var c = _p[_i++];
        switch (c)
        {
            case '(':
                var capturing = true;
                if (_i + 1 < _p.Length && _p[_i] == '?' && _p[_i + 1] == ':') { capturing = false; _i += 2; }
                else if (_i < _p.Length && _p[_i] == '?')
                {
                    throw new FormatException("group option");
                }

                var body = ParseAlternation();
                if (_i >= _p.Length || _p[_i] != ')')
                {
                    throw new FormatException("missing )");
                }

                _i++;
                return new GroupNode(body, capturing, null, 0, 0);
            case '.':
                return Set(ByteSet.Single('\n').Complement());
            case '^':
                return Assert(_multiline ? AssertionKind.StartOfLine : AssertionKind.StartOfSubject);
            case '$':
                return Assert(_multiline ? AssertionKind.EndOfLine : AssertionKind.EndOfSubjectOrBeforeFinalNewline);
            case '[':
                return Set(ParseClass());
            case '\\':
                return ParseEscape();
            case '*' or '+' or '?' or '{' when c != '{' || TryPeekBraces():
                throw new FormatException("nothing to repeat");
            default:
                if (c > 255)
                {
                    throw new FormatException("non-byte");
                }

                return Set(ByteSet.Single(c));
        }
    }

    private bool TryPeekBraces()
    {
        var save = _i;
        _i--;
        var ok = TryParseBraces(out _, out _);
        _i = save;
        return ok;
    }

    private RegexNode ParseEscape()
    {
        if (_i >= _p.Length)
        {
            throw new FormatException("trailing backslash");
        }

        var c = _p[_i++];
        switch (c)
        {
            case 'A' or 'G': return Assert(AssertionKind.StartOfSubject);
            case 'z': return Assert(AssertionKind.EndOfSubject);
            case 'Z': return Assert(AssertionKind.EndOfSubjectOrBeforeFinalNewline);
            case 'b': return Assert(AssertionKind.WordBoundary);
            case 'B': return Assert(AssertionKind.NotWordBoundary);
        }

        return Set(EscapeSet(c));
    }

    private ByteSet EscapeSet(char c) => c switch
    {
        'd' => Digit,
        'D' => Digit.Complement(),
        'w' => Word,
        'W' => Word.Complement(),
        's' => Space,
        'S' => Space.Complement(),
        'n' => ByteSet.Single('\n'),
        't' => ByteSet.Single('\t'),
        'r' => ByteSet.Single('\r'),
        'x' => ByteSet.Single(ParseHex()),
        _ when c < 128 && !char.IsAsciiLetterOrDigit(c) => ByteSet.Single(c),
        _ => throw new FormatException($"escape \\{c}"),
    };

    private int ParseHex()
    {
        if (_i + 2 > _p.Length)
        {
            throw new FormatException("\\x");
        }

        var value = Convert.ToInt32(_p.Substring(_i, 2), 16);
        _i += 2;
        return value;
    }

    private ByteSet ParseClass()
    {
        var negate = false;
        if (_i < _p.Length && _p[_i] == '^') { negate = true; _i++; }
        var set = ByteSet.Empty;
        var first = true;
        while (true)
        {
            if (_i >= _p.Length)
            {
                throw new FormatException("missing ]");
            }

            if (_p[_i] == ']' && !first) { _i++; break; }
            first = false;
            var (low, lowSet) = ClassAtom();
            if (lowSet is { } s1) { set = set.Union(s1); continue; }
            if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
            {
                _i++;
                var (high, highSet) = ClassAtom();
                if (highSet != null || high < low)
                {
                    throw new FormatException("bad class range");
                }

                set = set.Union(ByteSet.Range(low, high));
            }
            else
            {
                set = set.Union(ByteSet.Single(low));
            }
        }

        return negate ? set.Complement() : set;
    }

    private (int Value, ByteSet? Set) ClassAtom()
    {
        var c = _p[_i++];
        if (c == '[')
        {
            throw new FormatException("nested [ or POSIX class");
        }

        if (c != '\\')
        {
            return c > 255 ? throw new FormatException("non-byte") : (c, null);
        }

        var e = _p[_i++];
        if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S')
        {
            return (0, EscapeSet(e));
        }

        if (e == 'b')
        {
            return (8, null);
        }

        var single = EscapeSet(e);
        for (var v = 0; v < 256; v++)
        {
            if (single.Contains(v))
            {
                return (v, null);
            }
        }

        throw new FormatException("empty escape");
    }

    private static RegexNode Set(ByteSet set) => new SetNode(set, 0, 0);

    private static RegexNode Assert(AssertionKind kind) => new AssertionNode(kind, 0, 0);
}
