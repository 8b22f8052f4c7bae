namespace CorsGen.Pcre
{
    internal sealed partial class PcreScanner
    {
        /// <summary>
        /// PCRE2's check_posix_syntax: after "[:" (or "[." "[="), is there a matching ":]" before an unescaped ']'?
        /// <paramref name="ptr"/> is on the ':' ('.', '='); <paramref name="endPtr"/> gets the closing one.
        /// </summary>
        private bool CheckPosixSyntax(int ptr, out int endPtr)
        {
            endPtr = 0;
            int terminator = _p[ptr++];
            for (; _end - ptr >= 2; ptr++)
            {
                if (_p[ptr] == '\\' && (_p[ptr + 1] == ']' || _p[ptr + 1] == '\\'))
                {
                    ptr++;
                }
                else if ((_p[ptr] == '[' && _p[ptr + 1] == terminator) || _p[ptr] == ']')
                {
                    return false;
                }
                else if (_p[ptr] == terminator && _p[ptr + 1] == ']')
                {
                    endPtr = ptr;
                    return true;
                }
            }

            return false;
        }

        private bool Matches(int at, string text)
        {
            if (_end - at < text.Length)
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (_p[at + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A character class, with the pointer after '['.</summary>
        private bool ScanClass(int thisPtr, ref bool inEscQ)
        {
            // [[:<:]] and [[:>:]] are \b(?=\w) and \b(?<=\w).
            if (_end - _ptr >= 6 && (Matches(_ptr, "[:<:]]") || Matches(_ptr, "[:>:]]")))
            {
                var wordStart = _p[_ptr + 2] == '<';
                HasLookbehind |= !wordStart;
                _ptr += 6;
                Branch.Add(wordStart
                    ? new ParsedUnsupportedAtom("the word-start assertion [[:<:]]", AtomKind.WordStart, thisPtr, _ptr)
                    : new ParsedUnsupportedAtom("the word-end assertion [[:>:]]", AtomKind.WordEnd, thisPtr, _ptr));
                return true;
            }

            // POSIX classes are only allowed inside a class.
            if (_ptr < _end && (_p[_ptr] == ':' || _p[_ptr] == '.' || _p[_ptr] == '=') && CheckPosixSyntax(_ptr, out _))
            {
                return Fail(_p[_ptr] == ':' ? PcreErrors.PosixOutsideClass : PcreErrors.PosixCollating, _ptr - 1);
            }

            var caseless = (_options & PcreOptions.Caseless) != 0;
            var extendedMore = (_options & PcreOptions.ExtendedMore) != 0;

            // A leading '^' negates; \E, \Q\E (and space or tab in xx mode) before or after it are skipped.
            var negate = false;
            var c = (int)'[';
            while (_ptr < _end)
            {
                c = NextChar();
                if (c == '\\')
                {
                    if (_ptr < _end && _p[_ptr] == 'E')
                    {
                        _ptr++;
                    }
                    else if (_end - _ptr >= 3 && _p[_ptr] == 'Q' && _p[_ptr + 1] == '\\' && _p[_ptr + 2] == 'E')
                    {
                        _ptr += 3;
                    }
                    else
                    {
                        break;
                    }
                }
                else if (extendedMore && (c == ' ' || c == '\t'))
                {
                }
                else if (!negate && c == '^')
                {
                    negate = true;
                }
                else
                {
                    break;
                }
            }

            var bits = ByteSet.Empty;
            var rangeState = RangeNo;
            var rangeStart = 0;
            string? unsupported = null;
            int unsupportedOffset = 0, unsupportedEnd = 0;

            // What PCRE2 compiles the class to depends on its parsed items: only literal characters (how many,
            // which), property tests, characters beyond 255.
            var onlyLiterals = true;
            int literalCount = 0, firstLiteral = 0, secondLiteral = 0, properties = 0;
            var hasByteItems = false;
            var hasWideChars = false;

            void AddClassLiteral(int value)
            {
                if (literalCount == 0)
                {
                    firstLiteral = value;
                }
                else if (literalCount == 1)
                {
                    secondLiteral = value;
                }

                literalCount++;
                hasByteItems |= value < 256;
                hasWideChars |= value > 255;
            }

            // The first character is taken literally even if it is ']'.
            while (true)
            {
                var charIsLiteral = true;
                var handled = false;

                if (inEscQ)
                {
                    if (c == '\\' && _ptr < _end && _p[_ptr] == 'E')
                    {
                        inEscQ = false;
                        _ptr++;
                        handled = true;
                    }
                }
                else if (extendedMore && (c == ' ' || c == '\t'))
                {
                    handled = true;
                }
                else if (c == '[' && _end - _ptr >= 3 && (_p[_ptr] == ':' || _p[_ptr] == '.' || _p[_ptr] == '=') &&
                         CheckPosixSyntax(_ptr, out var posixEnd))
                {
                    if (rangeState == RangeStarted)
                    {
                        return Fail(PcreErrors.InvalidRange, _ptr);
                    }

                    if (_p[_ptr] != ':')
                    {
                        return Fail(PcreErrors.PosixCollating, _ptr - 1);
                    }

                    var posixNegate = false;
                    if (_p[++_ptr] == '^')
                    {
                        posixNegate = true;
                        _ptr++;
                    }

                    var posixClass = PcreCharTables.PosixIndex(_p, _ptr, posixEnd - _ptr);
                    if (posixClass < 0)
                    {
                        return Fail(PcreErrors.UnknownPosixClass, _ptr);
                    }

                    _ptr = posixEnd + 2;
                    if (_ptr < _end - 1 && _p[_ptr] == '-' && _p[_ptr + 1] != ']')
                    {
                        return Fail(PcreErrors.InvalidRange, _ptr);
                    }

                    rangeState = RangeNo;

                    onlyLiterals = false;
                    if (_ucp && posixClass != 4 && posixClass != 13)
                    {
                        properties++; // with (*UCP) most POSIX classes are property tests
                    }
                    else
                    {
                        hasByteItems = true;
                    }

                    // Caseless [:lower:] and [:upper:] are [:alpha:].
                    if (caseless && posixClass <= 2)
                    {
                        posixClass = 0;
                    }

                    var posix = PcreCharTables.Posix(posixClass);
                    bits = bits.Union(posixNegate ? posix.Complement() : posix);
                    handled = true;
                }
                else if (c == '-' && rangeState >= RangeOkEscaped)
                {
                    rangeState = RangeStarted;
                    handled = true;
                }
                else if (c == '\\')
                {
                    var escape = CheckEscape(ref _ptr, out c, true, out var error);
                    if (error != 0)
                    {
                        return Fail(error, _ptr);
                    }

                    switch (escape)
                    {
                        case 0:
                            charIsLiteral = false;
                            break;
                        case Escb:
                            c = 8; // \b is backspace in a class
                            charIsLiteral = false;
                            break;
                        case EscQ:
                            inEscQ = true;
                            handled = true;
                            break;
                        case EscE:
                            handled = true;
                            break;
                        case EscBigB:
                        case EscR:
                        case EscX:
                            return Fail(PcreErrors.EscapeInvalidInClass, _ptr - 1);
                        default:
                            if (rangeState == RangeStarted)
                            {
                                return Fail(PcreErrors.InvalidRange, _ptr);
                            }

                            rangeState = RangeNo;
                            switch (escape)
                            {
                                case EscN:
                                    return Fail(PcreErrors.NInClass, _ptr);
                                case Esch:
                                case EscBigH:
                                case Escv:
                                case EscBigV:
                                case Escd:
                                case EscBigD:
                                case Escs:
                                case EscBigS:
                                case Escw:
                                case EscBigW:
                                    bits = bits.Union(EscapeSet(escape));
                                    onlyLiterals = false;
                                    if (_ucp && escape >= EscBigD && escape <= Escw)
                                    {
                                        properties++;
                                    }
                                    else
                                    {
                                        hasByteItems = true;
                                    }

                                    break;
                                case Escp:
                                case EscBigP:
                                    var escapeStart = _ptr - 2;
                                    if (!CheckProperty(ref _ptr, out error))
                                    {
                                        return Fail(error, _ptr);
                                    }

                                    onlyLiterals = false;
                                    properties++;
                                    if (unsupported == null)
                                    {
                                        unsupported = "a Unicode property (\\p or \\P)";
                                        unsupportedOffset = escapeStart;
                                        unsupportedEnd = _ptr;
                                    }

                                    break;
                                default:
                                    return Fail(PcreErrors.EscapeInvalidInClass, _ptr - 1);
                            }

                            // A hyphen after a class escape is an error unless it ends the class.
                            if (_ptr < _end - 1 && _p[_ptr] == '-' && _p[_ptr + 1] != ']')
                            {
                                return Fail(PcreErrors.InvalidRange, _ptr);
                            }

                            handled = true;
                            break;
                    }
                }

                if (!handled)
                {
                    // A literal character, possibly ending a range.
                    if (rangeState == RangeStarted)
                    {
                        if (c < rangeStart)
                        {
                            return Fail(PcreErrors.ClassRangeOutOfOrder, _ptr - 1);
                        }

                        bits = bits.Union(CaseRange(rangeStart, c, caseless));
                        rangeState = RangeNo;
                        if (c != rangeStart)
                        {
                            onlyLiterals = false; // (a one-character range is just that character)
                            hasByteItems |= rangeStart < 256;
                            hasWideChars |= c > 255;
                        }
                    }
                    else
                    {
                        rangeState = charIsLiteral ? RangeOkLiteral : RangeOkEscaped;
                        rangeStart = c;
                        bits = bits.Union(CaseRange(c, c, caseless));
                        AddClassLiteral(c);
                    }
                }

                if (_ptr >= _end)
                {
                    return Fail(PcreErrors.MissingClassTerminator, _ptr);
                }

                c = NextChar();
                if (c == ']' && !inEscQ)
                {
                    break;
                }
            }

            // "-]" at the end: the hyphen is literal.
            if (rangeState == RangeStarted)
            {
                bits = bits.Union(ByteSet.Single('-'));
                AddClassLiteral('-');
            }

            // PCRE2 compiles a one-character class as that character (or its negation), a positive class of
            // two case partners as a caseless character, a class with property tests or wide characters as an
            // extended class, and anything else as a 32-byte bitmap.
            SetShape shape;
            int codeLength, unit = 1;
            if (onlyLiterals && literalCount == 1)
            {
                shape = SetShape.Char;
                unit = _utf ? Utf8Length(firstLiteral) : 1;
                codeLength = 1 + unit;
                if ((_utf || _ucp) && caseless && PcreCharTables.HasSeveralOtherCases(firstLiteral))
                {
                    // A character with several other cases is a property test in caseless UTF or UCP mode.
                    shape = SetShape.CharType;
                    codeLength = unit = 3;
                }
            }
            else if (!negate && onlyLiterals && literalCount == 2 && IsCasePartner(firstLiteral, secondLiteral))
            {
                shape = SetShape.Char;
                codeLength = 2;
            }
            else if (properties > 0 || hasWideChars)
            {
                shape = SetShape.Class;
                // Opcode, length, flags, the bitmap if any byte can match, the property tests, and an end marker.
                codeLength = 4 + (hasByteItems ? 32 : 0) + 3 * properties + (hasWideChars ? 4 : 0) + 1;
            }
            else
            {
                shape = SetShape.Class;
                codeLength = 33;
            }

            Branch.Add(new ParsedSet(negate ? bits.Complement() : bits, thisPtr, _ptr)
            {
                Shape = shape,
                CodeLength = codeLength,
                RepeatUnit = unit,
                UnsupportedConstruct = unsupported,
                UnsupportedOffset = unsupportedOffset,
                UnsupportedEnd = unsupportedEnd,
            });
            return true;
        }

        private static int Utf8Length(int c) => c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;

        /// <summary>
        /// Whether a two-character class is a character and its other case. PCRE2 (built with Unicode support)
        /// skips characters that have more than one other case in Unicode: k, K, s and S.
        /// </summary>
        private static bool IsCasePartner(int c, int d)
        {
            if (PcreCharTables.HasSeveralOtherCases(c) || c > 127)
            {
                return false;
            }

            var other = PcreCharTables.OtherCase(c);
            return other != c && other == d;
        }

        /// <summary>The bytes first..last (clipped to 0..255), with their other cases when caseless.</summary>
        private static ByteSet CaseRange(int first, int last, bool caseless)
        {
            if (first > 255)
            {
                return ByteSet.Empty;
            }

            var set = ByteSet.Range(first, last > 255 ? 255 : last);
            return caseless ? PcreCharTables.WithOtherCases(set) : set;
        }
    }
}
