using System.Text;

namespace CorsGen.Pcre
{
    internal sealed partial class PcreScanner
    {
        // What follows '\' for '0'..'z' (PCRE2's escapes table): a positive value is the literal it stands for,
        // a negative value is -ESC_x, zero needs more work (or is an unknown escape).
        private static readonly int[] EscapeTable = BuildEscapeTable();

        private static int[] BuildEscapeTable()
        {
            var table = new int['z' - '0' + 1];
            void Set(char c, int value) => table[c - '0'] = value;
            foreach (var c in ":;<=>?@[\\]^_`")
            {
                Set(c, c);
            }

            Set('A', -EscA);
            Set('B', -EscBigB);
            Set('C', -EscC);
            Set('D', -EscBigD);
            Set('E', -EscE);
            Set('G', -EscG);
            Set('H', -EscBigH);
            Set('K', -EscK);
            Set('N', -EscN);
            Set('P', -EscBigP);
            Set('Q', -EscQ);
            Set('R', -EscR);
            Set('S', -EscBigS);
            Set('V', -EscBigV);
            Set('W', -EscBigW);
            Set('X', -EscX);
            Set('Z', -EscZ);
            Set('a', 7);
            Set('b', -Escb);
            Set('d', -Escd);
            Set('e', 27);
            Set('f', 12);
            Set('h', -Esch);
            Set('k', -Esck);
            Set('n', 10);
            Set('p', -Escp);
            Set('r', 13);
            Set('s', -Escs);
            Set('t', 9);
            Set('v', -Escv);
            Set('w', -Escw);
            Set('z', -Escz);
            return table;
        }

        /// <summary>
        /// PCRE2's check_escape, with <paramref name="ptr"/> after the backslash. Returns 0 for a data character
        /// (in <paramref name="chr"/>), ESC_x for a special escape, -n for a backreference to group n. On an error,
        /// <paramref name="error"/> is set and <paramref name="ptr"/> is where PCRE2 reports it.
        /// </summary>
        private int CheckEscape(ref int ptr, out int chr, bool isClass, out int error)
        {
            error = 0;
            chr = 0;
            if (ptr >= _end)
            {
                error = PcreErrors.BackslashAtEnd;
                return 0;
            }

            var c = ReadChar(ref ptr);

            var escape = 0;
            int i;
            if (c < '0' || c > 'z')
            {
                // A non-alphanumeric: literal.
            }
            else if ((i = EscapeTable[c - '0']) != 0)
            {
                if (i > 0)
                {
                    c = i;
                }
                else
                {
                    escape = -i;

                    // \N{U+dddd} needs UTF; otherwise \N{ must start a quantifier.
                    if (escape == EscN && ptr < _end && _p[ptr] == '{')
                    {
                        var p = ptr + 1;
                        if (_end - p > 1 && _p[p] == 'U' && _p[p + 1] == '+')
                        {
                            if (_utf)
                            {
                                ptr = p + 1;
                                escape = 0;
                                return ReadBracedHex(ref ptr, out chr, out error);
                            }

                            error = PcreErrors.NUPlusNeedsUtf;
                        }
                        else if (!ReadRepeatCounts(ref p, out _, out _, out error) && error == 0)
                        {
                            error = PcreErrors.UnsupportedEscape;
                        }
                    }
                }
            }
            else
            {
                switch (c)
                {
                    case 'F':
                    case 'l':
                    case 'L':
                    case 'u':
                    case 'U':
                        error = PcreErrors.UnsupportedEscape;
                        break;

                    case 'g':
                        if (isClass)
                        {
                            break;
                        }

                        if (ptr >= _end)
                        {
                            error = PcreErrors.BadGEscape;
                            break;
                        }

                        if (_p[ptr] == '<' || _p[ptr] == '\'')
                        {
                            escape = Escg;
                            break;
                        }

                        int s;
                        if (_p[ptr] == '{')
                        {
                            var p = ptr + 1;
                            if (!ReadNumber(ref p, GroupCount, MaxGroupNumber, PcreErrors.SubpatternNumberTooBig, out s, out error))
                            {
                                if (error == 0)
                                {
                                    escape = Esck;
                                }

                                break;
                            }

                            if (p >= _end || _p[p] != '}')
                            {
                                error = PcreErrors.BadGEscape;
                                break;
                            }

                            ptr = p + 1;
                        }
                        else if (!ReadNumber(ref ptr, GroupCount, MaxGroupNumber, PcreErrors.SubpatternNumberTooBig, out s, out error))
                        {
                            if (error == 0)
                            {
                                error = PcreErrors.BadGEscape;
                            }

                            break;
                        }

                        if (s <= 0)
                        {
                            error = PcreErrors.NonExistentSubpattern;
                            break;
                        }

                        escape = -s;
                        break;

                    case '1':
                    case '2':
                    case '3':
                    case '4':
                    case '5':
                    case '6':
                    case '7':
                    case '8':
                    case '9':
                        if (!isClass)
                        {
                            // \1..\9 are always references, \8x and \9x too; \1x..\7x are octal unless there are
                            // that many groups so far.
                            var oldPtr = ptr;
                            ptr--;
                            if (ReadNumber(ref ptr, -1, int.MaxValue / 10 - 1, 0, out var number, out error) &&
                                (number < 10 || _p[oldPtr - 1] >= '8' || number <= GroupCount))
                            {
                                if (number > MaxGroupNumber)
                                {
                                    error = PcreErrors.SubpatternNumberTooBig;
                                }
                                else
                                {
                                    escape = -number;
                                }

                                break;
                            }

                            ptr = oldPtr;
                        }

                        if (c >= '8')
                        {
                            break; // a literal 8 or 9
                        }

                        c = ReadOctalDigits(ref ptr, c - '0', ref error);
                        break;

                    case '0':
                        c = ReadOctalDigits(ref ptr, 0, ref error);
                        break;

                    case 'o':
                        c = ReadBracedOctal(ref ptr, ref error);
                        break;

                    case 'x':
                        if (ptr < _end && _p[ptr] == '{')
                        {
                            ReadBracedHex(ref ptr, out c, out error);
                        }
                        else
                        {
                            c = 0;
                            int digit;
                            if (ptr < _end && (digit = PcreCharTables.HexValue(_p[ptr])) >= 0)
                            {
                                ptr++;
                                c = digit;
                                if (ptr < _end && (digit = PcreCharTables.HexValue(_p[ptr])) >= 0)
                                {
                                    ptr++;
                                    c = (c << 4) | digit;
                                }
                            }
                        }

                        break;

                    case 'c':
                        if (ptr >= _end)
                        {
                            error = PcreErrors.BackslashCAtEnd;
                            break;
                        }

                        c = _p[ptr];
                        if (c >= 'a' && c <= 'z')
                        {
                            c -= 32;
                        }

                        if (c < 32 || c > 126)
                        {
                            error = PcreErrors.BadCEscape;
                            break;
                        }

                        c ^= 0x40;
                        ptr++;
                        break;

                    default:
                        // Any other letter after '\' is an error, reported at the letter.
                        error = PcreErrors.UnrecognizedEscape;
                        ptr--;
                        return 0;
                }
            }

            chr = c;
            return escape;
        }

        /// <summary>Up to two more octal digits after a first one (value <paramref name="c"/>).</summary>
        private int ReadOctalDigits(ref int ptr, int c, ref int error)
        {
            for (var i = 0; i < 2 && ptr < _end && _p[ptr] >= '0' && _p[ptr] <= '7'; i++)
            {
                c = c * 8 + (_p[ptr++] - '0');
            }

            if (!_utf && c > 0xFF)
            {
                error = PcreErrors.OctalTooLarge;
            }

            return c;
        }

        /// <summary>\o{ddd}, with the pointer after 'o'.</summary>
        private int ReadBracedOctal(ref int ptr, ref int error)
        {
            if (ptr >= _end)
            {
                error = PcreErrors.MissingBraceAfterO;
                ptr--;
                return 'o';
            }

            if (_p[ptr++] != '{')
            {
                error = PcreErrors.MissingBraceAfterO;
                ptr--;
                return 'o';
            }

            if (ptr >= _end || _p[ptr] == '}')
            {
                error = PcreErrors.DigitsMissing;
                return 'o';
            }

            long c = 0;
            var overflow = false;
            while (ptr < _end && _p[ptr] >= '0' && _p[ptr] <= '7')
            {
                int cc = _p[ptr++];
                if (c == 0 && cc == '0')
                {
                    continue;
                }

                c = (c << 3) + (cc - '0');
                if (c > (_utf ? 0x10FFFF : 0xFF))
                {
                    overflow = true;
                    break;
                }
            }

            if (overflow)
            {
                while (ptr < _end && _p[ptr] >= '0' && _p[ptr] <= '7')
                {
                    ptr++;
                }

                error = PcreErrors.CodePointTooLarge;
            }
            else if (ptr < _end && _p[ptr++] == '}')
            {
                if (_utf && c >= 0xD800 && c <= 0xDFFF)
                {
                    ptr--;
                    error = PcreErrors.SurrogateCodePoint;
                }
            }
            else
            {
                ptr--;
                error = PcreErrors.NonOctalInO;
            }

            return (int)c;
        }

        /// <summary>\x{hhh} (or the hex part of \N{U+hhh}), with the pointer on '{' (or on '+').</summary>
        private int ReadBracedHex(ref int ptr, out int chr, out int error)
        {
            error = 0;
            chr = 0;
            if (++ptr >= _end || _p[ptr] == '}')
            {
                error = PcreErrors.DigitsMissing;
                return 0;
            }

            long c = 0;
            var overflow = false;
            int cc;
            while (ptr < _end && (cc = PcreCharTables.HexValue(_p[ptr])) >= 0)
            {
                ptr++;
                if (c == 0 && cc == 0)
                {
                    continue;
                }

                c = (c << 4) | (long)cc;
                if (c > (_utf ? 0x10FFFF : 0xFF))
                {
                    overflow = true;
                    break;
                }
            }

            if (overflow)
            {
                while (ptr < _end && PcreCharTables.HexValue(_p[ptr]) >= 0)
                {
                    ptr++;
                }

                error = PcreErrors.CodePointTooLarge;
            }
            else if (ptr < _end && _p[ptr++] == '}')
            {
                if (_utf && c >= 0xD800 && c <= 0xDFFF)
                {
                    ptr--;
                    error = PcreErrors.SurrogateCodePoint;
                }
            }
            else
            {
                ptr--;
                error = PcreErrors.NonHexInX;
            }

            chr = (int)c;
            return 0;
        }

        /// <summary>
        /// PCRE2's get_ucp: checks the property after \p or \P (pointer after the p). Only validity matters here:
        /// a DFA cannot use Unicode properties, so the item is reported as unsupported.
        /// </summary>
        private bool CheckProperty(ref int ptr, out int error)
        {
            error = 0;
            if (ptr >= _end)
            {
                error = PcreErrors.MalformedProperty;
                return false;
            }

            int c = _p[ptr++];
            var name = new StringBuilder();
            var separator = -1;
            if (c == '{')
            {
                if (ptr >= _end)
                {
                    error = PcreErrors.MalformedProperty;
                    return false;
                }

                if (_p[ptr] == '^')
                {
                    ptr++;
                }

                int i;
                for (i = 0; i < 49; i++)
                {
                    if (ptr >= _end)
                    {
                        error = PcreErrors.MalformedProperty;
                        return false;
                    }

                    c = _p[ptr++];
                    while (c == '_' || c == '-' || PcreCharTables.IsSpace(c))
                    {
                        if (ptr >= _end)
                        {
                            error = PcreErrors.MalformedProperty;
                            return false;
                        }

                        c = _p[ptr++];
                    }

                    if (c == 0)
                    {
                        error = PcreErrors.MalformedProperty;
                        return false;
                    }

                    if (c == '}')
                    {
                        break;
                    }

                    if ((c == ':' || c == '=') && separator < 0)
                    {
                        separator = name.Length;
                    }

                    name.Append((char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
                }

                if (c != '}')
                {
                    error = PcreErrors.MalformedProperty;
                    return false;
                }
            }
            else if (PcreCharTables.IsLetter(c))
            {
                name.Append((char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            }
            else
            {
                error = PcreErrors.MalformedProperty;
                return false;
            }

            var text = name.ToString();
            var script = 0; // 0: not qualified by sc/scx
            if (separator >= 0)
            {
                var qualifier = text.Substring(0, separator);
                var value = text.Substring(separator + 1);
                if (qualifier == "bidiclass" || qualifier == "bc")
                {
                    text = "bidi" + value;
                }
                else if (qualifier == "script" || qualifier == "sc")
                {
                    script = 1;
                    text = value;
                }
                else if (qualifier == "scriptextensions" || qualifier == "scx")
                {
                    script = 2;
                    text = value;
                }
                else
                {
                    error = PcreErrors.UnknownProperty;
                    return false;
                }
            }

            if (PcreUnicodeProperties.TryGet(text, out var kind) &&
                (script == 0 || kind != PcreUnicodeProperties.Kind.Other))
            {
                return true;
            }

            error = PcreErrors.UnknownProperty;
            return false;
        }

        /// <summary>An escape outside a class, with the pointer after the backslash.</summary>
        private bool ScanEscape(int thisPtr, ref bool okQuantifier)
        {
            var escape = CheckEscape(ref _ptr, out var c, false, out var error);
            if (error != 0)
            {
                return Fail(error, _ptr);
            }

            if (escape == 0)
            {
                AddLiteral(c, thisPtr, _ptr);
                okQuantifier = true;
                return true;
            }

            if (escape < 0)
            {
                var number = -escape;
                var offset = _ptr - 1;
                if (number < 10 && _smallRefOffset[number] < 0)
                {
                    _smallRefOffset[number] = offset;
                }

                Branch.Add(new ParsedBackreference(number, null, offset, thisPtr, _ptr));
                okQuantifier = true;
                return true;
            }

            switch (escape)
            {
                case EscC:
                    Branch.Add(new ParsedUnsupportedAtom("\\C (one code unit)", AtomKind.SingleCodeUnit, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;

                case EscX:
                    Branch.Add(new ParsedUnsupportedAtom("\\X (an extended grapheme cluster)", AtomKind.NotFixed, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;

                case EscR:
                    Branch.Add(new ParsedUnsupportedAtom("\\R (any newline sequence)", AtomKind.NotFixed, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;

                case EscN:
                    UsesNewline = true;
                    Branch.Add(new ParsedSet(NotNewline, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;

                case Escd:
                case EscBigD:
                case Escs:
                case EscBigS:
                case Escw:
                case EscBigW:
                case Esch:
                case EscBigH:
                case Escv:
                case EscBigV:
                    // With (*UCP), \d \s \w and their negations are Unicode property tests.
                    var property = _ucp && escape >= EscBigD && escape <= Escw;
                    Branch.Add(new ParsedSet(EscapeSet(escape), thisPtr, _ptr) { CodeLength = property ? 3 : 1, RepeatUnit = property ? 3 : 1 });
                    okQuantifier = true;
                    return true;

                case Escp:
                case EscBigP:
                    if (!CheckProperty(ref _ptr, out error))
                    {
                        return Fail(error, _ptr);
                    }

                    Branch.Add(new ParsedUnsupportedAtom("a Unicode property (\\p or \\P)", AtomKind.Property, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;

                case Escg:
                case Esck:
                    return ScanNamedEscape(escape, thisPtr, ref okQuantifier);

                case EscA:
                case EscG:
                    Branch.Add(new ParsedAssertion(AssertionKind.StartOfSubject, thisPtr, _ptr));
                    return true;

                case EscZ:
                    UsesNewline = true;
                    Branch.Add(new ParsedAssertion(AssertionKind.EndOfSubjectOrBeforeFinalNewline, thisPtr, _ptr));
                    return true;

                case Escz:
                    Branch.Add(new ParsedAssertion(AssertionKind.EndOfSubject, thisPtr, _ptr));
                    return true;

                case Escb:
                    Branch.Add(new ParsedAssertion(AssertionKind.WordBoundary, thisPtr, _ptr));
                    return true;

                case EscBigB:
                    Branch.Add(new ParsedAssertion(AssertionKind.NotWordBoundary, thisPtr, _ptr));
                    return true;

                default: // \K
                    Branch.Add(new ParsedKeep(thisPtr, _ptr));
                    return true;
            }
        }

        /// <summary>The set of \d \D \s \S \w \W \h \H \v \V in 8-bit non-UTF, non-UCP mode.</summary>
        internal static ByteSet EscapeSet(int escape)
        {
            switch (escape)
            {
                case Escd: return PcreCharTables.Digit;
                case EscBigD: return PcreCharTables.Digit.Complement();
                case Escs: return PcreCharTables.Space;
                case EscBigS: return PcreCharTables.Space.Complement();
                case Escw: return PcreCharTables.Word;
                case EscBigW: return PcreCharTables.Word.Complement();
                case Esch: return PcreCharTables.HorizontalSpace;
                case EscBigH: return PcreCharTables.HorizontalSpace.Complement();
                case Escv: return PcreCharTables.VerticalSpace;
                default: return PcreCharTables.VerticalSpace.Complement();
            }
        }

        /// <summary>\k and \g with a name or (for \g&lt;..&gt; and \g'..') a number; the pointer is after the letter.</summary>
        private bool ScanNamedEscape(int escape, int thisPtr, ref bool okQuantifier)
        {
            if (_ptr >= _end || (_p[_ptr] != '{' && _p[_ptr] != '<' && _p[_ptr] != '\''))
            {
                return Fail(escape == Escg ? PcreErrors.BadGEscape : PcreErrors.BadKEscape, _ptr);
            }

            int terminator = _p[_ptr] == '<' ? '>' : _p[_ptr] == '\'' ? '\'' : '}';
            int error;
            if (escape == Escg && terminator != '}')
            {
                var p = _ptr + 1;
                if (ReadNumber(ref p, GroupCount, MaxGroupNumber, PcreErrors.SubpatternNumberTooBig, out var number, out error))
                {
                    if (p >= _end || _p[p] != terminator)
                    {
                        return Fail(PcreErrors.BadGEscape, _ptr);
                    }

                    _ptr = p + 1;
                    Branch.Add(new ParsedRecursion(number, null, p, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;
                }

                if (error != 0)
                {
                    return Fail(error, _ptr);
                }
            }

            if (!ReadName(ref _ptr, terminator, out var name, out var nameOffset))
            {
                return false;
            }

            if (escape == Esck || terminator == '}')
            {
                Branch.Add(new ParsedBackreference(0, name, nameOffset, thisPtr, _ptr));
            }
            else
            {
                Branch.Add(new ParsedRecursion(0, name, nameOffset, thisPtr, _ptr));
            }

            okQuantifier = true;
            return true;
        }
    }
}
