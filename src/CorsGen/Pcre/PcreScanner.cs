using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CorsGen.Pcre
{
    /// <summary>
    /// The first pass over a pattern, following PCRE2 10.42's parse pass step by step (same order of checks,
    /// same error numbers, same error offsets): it reads the UTF-8 bytes once, resolves options, escapes and
    /// classes, and builds a <see cref="ParsedGroup"/> tree plus what the later checks need (group counts,
    /// names, whether lookbehinds or branch-reset groups occur).
    /// </summary>
    internal sealed partial class PcreScanner
    {
        private const int MaxGroupNumber = 65535;
        private const int MaxRepeatCount = 65535;
        private const int MaxNameSize = 32;
        private const int MaxNameCount = 10000;
        private const int MaxMark = 255;
        private const int ParensNestLimit = 250;
        private const int NestStackSize = 500; // PCRE2's workspace holds 500 nest records

        // PCRE2's escape codes (the ESC_ enum); the order matters for the lookbehind length rules.
        internal const int EscA = 1, EscG = 2, EscK = 3, EscBigB = 4, Escb = 5, EscBigD = 6, Escd = 7, EscBigS = 8, Escs = 9,
            EscBigW = 10, Escw = 11, EscN = 12, EscDummy = 13, EscC = 14, EscBigP = 15, Escp = 16, EscR = 17, EscBigH = 18,
            Esch = 19, EscBigV = 20, Escv = 21, EscX = 22, EscZ = 23, Escz = 24, EscE = 25, EscQ = 26, Escg = 27, Esck = 28;

        private const int RangeNo = 0, RangeStarted = 1, RangeOkEscaped = 2, RangeOkLiteral = 3;

        private const int NsfReset = 1, NsfCondAssert = 2, NsfAtomicScriptRun = 4;

        private const PcreOptions TrackedOptions = PcreOptions.Caseless | PcreOptions.DotAll | PcreOptions.DupNames |
            PcreOptions.Extended | PcreOptions.ExtendedMore | PcreOptions.Multiline | PcreOptions.NoAutoCapture | PcreOptions.Ungreedy;

        private readonly byte[] _p;
        private readonly int _end;
        private readonly bool _utf;
        private readonly bool _ucp;
        private readonly PcreNewline _newline;
        private int _ptr;

        private PcreOptions _options;
        private NestSave[] _nests = new NestSave[8]; // grows on demand up to PCRE2's 500
        private int _top = -1;
        private int _nestDepth;
        private readonly List<ParsedGroup> _frames = new List<ParsedGroup>();
        private readonly int[] _smallRefOffset = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };

        private int _errorCode;
        private int _errorOffset;

        private struct NestSave
        {
            public int NestDepth;
            public int ResetGroup;
            public int MaxGroup;
            public int Flags;
            public PcreOptions Options;
        }

        /// <summary>A named group as the parse pass records it.</summary>
        internal sealed class NamedGroup
        {
            public NamedGroup(string name, int number, bool isDuplicate)
            {
                Name = name;
                Number = number;
                IsDuplicate = isDuplicate;
            }

            public string Name { get; }

            public int Number { get; }

            public bool IsDuplicate { get; set; }
        }

        public PcreScanner(byte[] pattern, bool utf, bool ucp, PcreNewline newline)
        {
            _p = pattern;
            _end = pattern.Length;
            _utf = utf;
            _ucp = ucp;
            _newline = newline;
        }

        /// <summary>The pattern is read in UTF mode (after <c>(*UTF)</c>).</summary>
        public bool Utf => _utf;

        /// <summary>Unicode properties replace the ASCII tables (after <c>(*UCP)</c>).</summary>
        public bool Ucp => _ucp;

        /// <summary>The number of capture groups (PCRE2's final bracount).</summary>
        public int GroupCount { get; private set; }

        public List<NamedGroup> Names { get; } = new List<NamedGroup>();

        /// <summary>A <c>(?|</c> group occurs, so group numbers may repeat.</summary>
        public bool DuplicateGroupNumbers { get; private set; }

        public bool HasLookbehind { get; private set; }

        /// <summary>Something whose meaning depends on the newline convention occurs (<c>.</c>, <c>$</c>, <c>\Z</c>, <c>\N</c>, multiline <c>^</c>).</summary>
        public bool UsesNewline { get; private set; }

        public PcreSyntaxError? Error => _errorCode == 0 ? null : PcreErrors.Create(_errorCode, _errorOffset);

        private List<ParsedItem> Branch
        {
            get
            {
                var frame = _frames[_frames.Count - 1];
                return frame.Branches[frame.Branches.Count - 1];
            }
        }

        private bool Fail(int code, int offset)
        {
            _errorCode = code;
            _errorOffset = offset;
            return false;
        }

        /// <summary>Reads the regex starting at <paramref name="start"/>; null on a syntax error (see <see cref="Error"/>).</summary>
        public ParsedGroup? Scan(int start)
        {
            _ptr = start;
            var root = new ParsedGroup(GroupKind.NonCapture, start);
            _frames.Add(root);
            if (!ScanAll())
            {
                return null;
            }

            root.End = _end;
            root.BranchEnds.Add(_end);
            // PCRE2 remembers where \1..\9 first occur and reports a bad one there.
            FixSmallReferenceOffsets(root);
            return root;
        }

        private bool ScanAll()
        {
            var okQuantifier = false;
            var metaQuantifier = 0; // 0: none; else the previous item was a quantifier ('*', '+', '?', '{')
            var expectCondAssert = 0;
            var inEscQ = false;
            var inVerbName = false;
            var verbNameStart = 0;
            var verbStart = 0;
            var verbKind = VerbKind.Mark;
            var verbText = "";

            while (_ptr < _end)
            {
                if (_nestDepth > ParensNestLimit)
                {
                    return Fail(PcreErrors.ParenthesesTooDeep, _ptr);
                }

                var thisPtr = _ptr;
                var c = NextChar();

                // Inside \Q...\E everything up to \E is literal.
                if (inEscQ)
                {
                    if (c == '\\' && _ptr < _end && _p[_ptr] == 'E')
                    {
                        inEscQ = false;
                        _ptr++;
                    }
                    else
                    {
                        if (expectCondAssert > 0)
                        {
                            return Fail(PcreErrors.AssertionExpected, _ptr - 1);
                        }

                        AddLiteral(c, thisPtr, _ptr);
                        okQuantifier = true;
                        metaQuantifier = 0;
                    }

                    continue;
                }

                // The argument of (*VERB:NAME) is literal up to ')'.
                if (inVerbName)
                {
                    if (c == ')')
                    {
                        inVerbName = false;
                        if (_ptr - verbNameStart - 1 > MaxMark)
                        {
                            return Fail(PcreErrors.VerbNameTooLong, _ptr - 1);
                        }

                        Branch.Add(new ParsedVerb(verbKind, verbText, verbStart, _ptr) { ArgumentLength = _ptr - 1 - verbNameStart });
                    }

                    continue;
                }

                // \Q and \E do not change the quantification state: A\Q\E+ is A+.
                if (c == '\\' && _ptr < _end && (_p[_ptr] == 'Q' || _p[_ptr] == 'E'))
                {
                    inEscQ = _p[_ptr] == 'Q';
                    _ptr++;
                    continue;
                }

                if ((_options & PcreOptions.Extended) != 0)
                {
                    if ((c < 256 && PcreCharTables.IsSpace(c)) || c == 0x85 || (c | 1) == 0x200F || (c | 1) == 0x2029)
                    {
                        continue;
                    }

                    if (c == '#')
                    {
                        SkipExtendedComment();
                        continue;
                    }
                }

                // (?#...) comments.
                if (c == '(' && _end - _ptr >= 2 && _p[_ptr] == '?' && _p[_ptr + 1] == '#')
                {
                    while (++_ptr < _end && _p[_ptr] != ')')
                    {
                    }

                    if (_ptr >= _end)
                    {
                        return Fail(PcreErrors.MissingCommentClosing, _ptr);
                    }

                    _ptr++;
                    continue;
                }

                if (expectCondAssert > 0)
                {
                    var ok = c == '(' && _end - _ptr >= 3 && (_p[_ptr] == '?' || _p[_ptr] == '*');
                    if (ok)
                    {
                        if (_p[_ptr] == '*')
                        {
                            ok = PcreCharTables.IsLowerLetter(_p[_ptr + 1]);
                        }
                        else
                        {
                            switch (_p[_ptr + 1])
                            {
                                case (byte)'C':
                                    ok = expectCondAssert == 2;
                                    break;
                                case (byte)'=':
                                case (byte)'!':
                                    break;
                                case (byte)'<':
                                    ok = _p[_ptr + 2] == '=' || _p[_ptr + 2] == '!';
                                    break;
                                default:
                                    ok = false;
                                    break;
                            }
                        }
                    }

                    if (!ok)
                    {
                        return Fail(PcreErrors.AssertionExpected, _ptr - 1);
                    }
                }

                var prevExpectCondAssert = expectCondAssert;
                expectCondAssert = 0;
                var prevOkQuantifier = okQuantifier;
                var prevMetaQuantifier = metaQuantifier;
                okQuantifier = false;
                metaQuantifier = 0;

                // A '?' or '+' right after a quantifier makes it lazy or possessive.
                if (prevMetaQuantifier != 0 && (c == '?' || c == '+'))
                {
                    var repeat = (ParsedRepeat)Branch[Branch.Count - 1];
                    if (c == '?')
                    {
                        repeat.Lazy = (_options & PcreOptions.Ungreedy) == 0;
                    }
                    else
                    {
                        repeat.Possessive = true;
                        repeat.Lazy = false;
                    }

                    repeat.End = _ptr;
                    continue;
                }

                int min, max;
                switch (c)
                {
                    default:
                        AddLiteral(c, thisPtr, _ptr);
                        okQuantifier = true;
                        break;

                    case '\\':
                        if (!ScanEscape(thisPtr, ref okQuantifier))
                        {
                            return false;
                        }

                        break;

                    case '^':
                        var multiline = (_options & PcreOptions.Multiline) != 0;
                        UsesNewline |= multiline;
                        Branch.Add(new ParsedAssertion(multiline ? AssertionKind.StartOfLine : AssertionKind.StartOfSubject, thisPtr, _ptr));
                        break;

                    case '$':
                        UsesNewline = true;
                        Branch.Add(new ParsedAssertion(
                            (_options & PcreOptions.Multiline) != 0 ? AssertionKind.EndOfLine : AssertionKind.EndOfSubjectOrBeforeFinalNewline,
                            thisPtr,
                            _ptr));
                        break;

                    case '.':
                        var dotAll = (_options & PcreOptions.DotAll) != 0;
                        UsesNewline |= !dotAll;
                        Branch.Add(new ParsedSet(dotAll ? ByteSet.All : NotNewline, thisPtr, _ptr));
                        okQuantifier = true;
                        break;

                    case '*':
                        metaQuantifier = c;
                        if (!AddQuantifier(prevOkQuantifier, 0, -1, thisPtr))
                        {
                            return false;
                        }

                        break;

                    case '+':
                        metaQuantifier = c;
                        if (!AddQuantifier(prevOkQuantifier, 1, -1, thisPtr))
                        {
                            return false;
                        }

                        break;

                    case '?':
                        metaQuantifier = c;
                        if (!AddQuantifier(prevOkQuantifier, 0, 1, thisPtr))
                        {
                            return false;
                        }

                        break;

                    case '{':
                        if (!ReadRepeatCounts(ref _ptr, out min, out max, out var countError))
                        {
                            if (countError != 0)
                            {
                                return Fail(countError, _ptr);
                            }

                            AddLiteral(c, thisPtr, _ptr);
                            okQuantifier = true;
                            break;
                        }

                        metaQuantifier = c;
                        if (!AddQuantifier(prevOkQuantifier, min, max, thisPtr))
                        {
                            return false;
                        }

                        break;

                    case '[':
                        okQuantifier = true;
                        if (!ScanClass(thisPtr, ref inEscQ))
                        {
                            return false;
                        }

                        break;

                    case '(':
                        if (!ScanParenthesis(
                                thisPtr,
                                prevExpectCondAssert,
                                ref okQuantifier,
                                ref expectCondAssert,
                                ref inVerbName,
                                ref verbNameStart,
                                ref verbStart,
                                ref verbKind,
                                ref verbText))
                        {
                            return false;
                        }

                        break;

                    case '|':
                        if (_top >= 0 && _nests[_top].NestDepth == _nestDepth && (_nests[_top].Flags & NsfReset) != 0)
                        {
                            if (GroupCount > _nests[_top].MaxGroup)
                            {
                                _nests[_top].MaxGroup = GroupCount;
                            }

                            GroupCount = _nests[_top].ResetGroup;
                        }

                        _frames[_frames.Count - 1].BranchEnds.Add(thisPtr);
                        _frames[_frames.Count - 1].Branches.Add(new List<ParsedItem>());
                        break;

                    case ')':
                        okQuantifier = true;
                        if (_top >= 0 && _nests[_top].NestDepth == _nestDepth)
                        {
                            _options = (_options & ~TrackedOptions) | _nests[_top].Options;
                            if ((_nests[_top].Flags & NsfReset) != 0 && _nests[_top].MaxGroup > GroupCount)
                            {
                                GroupCount = _nests[_top].MaxGroup;
                            }

                            if ((_nests[_top].Flags & NsfCondAssert) != 0)
                            {
                                okQuantifier = false;
                            }

                            _top--;
                        }

                        if (_nestDepth == 0)
                        {
                            return Fail(PcreErrors.UnmatchedClosingParenthesis, _ptr - 1);
                        }

                        _nestDepth--;
                        var closed = _frames[_frames.Count - 1];
                        _frames.RemoveAt(_frames.Count - 1);
                        closed.End = _ptr;
                        closed.BranchEnds.Add(thisPtr);
                        break;
                }
            }

            if (inVerbName)
            {
                return Fail(PcreErrors.VerbUnknown, _ptr);
            }

            if (_nestDepth != 0)
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            return true;
        }

        private static readonly ByteSet NotNewline = ByteSet.All.Except(ByteSet.Single('\n'));

        /// <summary>Reads the character at the pointer (a byte; a whole code point in UTF mode) and steps over it.</summary>
        private int NextChar() => ReadChar(ref _ptr);

        /// <summary>Reads the character at <paramref name="at"/> and steps over it.</summary>
        private int ReadChar(ref int at)
        {
            int c = _p[at++];
            if (!_utf || c < 0xC0)
            {
                return c;
            }

            // The pattern came from a .NET string, so its UTF-8 is well formed.
            int extra;
            if (c < 0xE0)
            {
                c &= 0x1F;
                extra = 1;
            }
            else if (c < 0xF0)
            {
                c &= 0x0F;
                extra = 2;
            }
            else
            {
                c &= 0x07;
                extra = 3;
            }

            for (var i = 0; i < extra && at < _end; i++)
            {
                c = (c << 6) | (_p[at++] & 0x3F);
            }

            return c;
        }

        private void SkipExtendedComment()
        {
            while (_ptr < _end)
            {
                var newlineLength = NewlineLengthAt(_ptr);
                if (newlineLength > 0)
                {
                    _ptr += newlineLength;
                    break;
                }

                _ptr++;
                if (_utf)
                {
                    while (_ptr < _end && (_p[_ptr] & 0xC0) == 0x80)
                    {
                        _ptr++;
                    }
                }
            }
        }

        /// <summary>The length of a newline (in the current convention) starting at <paramref name="at"/>, or 0.</summary>
        private int NewlineLengthAt(int at)
        {
            int c = _p[at];
            switch (_newline)
            {
                case PcreNewline.Lf:
                    return c == '\n' ? 1 : 0;
                case PcreNewline.Cr:
                    return c == '\r' ? 1 : 0;
                case PcreNewline.Nul:
                    return c == 0 ? 1 : 0;
                case PcreNewline.CrLf:
                    return c == '\r' && at + 1 < _end && _p[at + 1] == '\n' ? 2 : 0;
                case PcreNewline.AnyCrLf:
                    if (c == '\r')
                    {
                        return at + 1 < _end && _p[at + 1] == '\n' ? 2 : 1;
                    }

                    return c == '\n' ? 1 : 0;
                default: // Any
                    if (c == '\r')
                    {
                        return at + 1 < _end && _p[at + 1] == '\n' ? 2 : 1;
                    }

                    if (c >= 0x0A && c <= 0x0C)
                    {
                        return 1;
                    }

                    if (!_utf)
                    {
                        return c == 0x85 ? 1 : 0;
                    }

                    if (c == 0xC2 && at + 1 < _end && _p[at + 1] == 0x85)
                    {
                        return 2;
                    }

                    if (c == 0xE2 && at + 2 < _end && _p[at + 1] == 0x80 && (_p[at + 2] == 0xA8 || _p[at + 2] == 0xA9))
                    {
                        return 3;
                    }

                    return 0;
            }
        }

        private void AddLiteral(int c, int offset, int end)
        {
            Branch.Add(new ParsedChar(c, (_options & PcreOptions.Caseless) != 0, offset, end));
        }

        private bool AddQuantifier(bool prevOkQuantifier, int min, int max, int quantifierOffset)
        {
            if (!prevOkQuantifier)
            {
                return Fail(PcreErrors.QuantifierInvalid, _ptr - 1);
            }

            var branch = Branch;
            var body = branch[branch.Count - 1];

            // PCRE2 wraps a quantified (*ACCEPT) in a non-capturing group.
            if (body is ParsedVerb { Kind: VerbKind.Accept })
            {
                var wrapper = new ParsedGroup(GroupKind.NonCapture, body.Offset) { Synthetic = true, End = body.End };
                wrapper.Branches[0].Add(body);
                wrapper.BranchEnds.Add(body.End);
                body = wrapper;
            }

            branch[branch.Count - 1] = new ParsedRepeat(body, min, max, quantifierOffset, _ptr)
            {
                Lazy = (_options & PcreOptions.Ungreedy) != 0,
            };
            return true;
        }

        private ParsedGroup OpenGroup(GroupKind kind, int offset)
        {
            var group = new ParsedGroup(kind, offset);
            Branch.Add(group);
            _frames.Add(group);
            return group;
        }

        private bool PushNest(int flags)
        {
            if (++_top >= NestStackSize)
            {
                return Fail(PcreErrors.NestTooDeep, _ptr);
            }

            if (_top == _nests.Length)
            {
                System.Array.Resize(ref _nests, _nests.Length * 2);
            }

            _nests[_top] = new NestSave
            {
                NestDepth = _nestDepth,
                Flags = flags,
                Options = _options & TrackedOptions,
            };
            return true;
        }

        /// <summary>
        /// PCRE2's read_number: an optionally signed decimal number. With <paramref name="allowSign"/> &gt;= 0 a
        /// sign makes it relative to that group count. Returns false with <paramref name="error"/> 0 when there is
        /// no number (the pointer then stays put).
        /// </summary>
        private bool ReadNumber(ref int ptr, int allowSign, long maxValue, int maxError, out int value, out int error)
        {
            var sign = 0;
            long n = 0;
            var q = ptr;
            error = 0;
            value = 0;
            if (allowSign >= 0 && q < _end)
            {
                if (_p[q] == '+')
                {
                    sign = 1;
                    maxValue -= allowSign;
                    q++;
                }
                else if (_p[q] == '-')
                {
                    sign = -1;
                    q++;
                }
            }

            if (q >= _end || !PcreCharTables.IsDigit(_p[q]))
            {
                return false;
            }

            var yield = false;
            while (q < _end && PcreCharTables.IsDigit(_p[q]))
            {
                n = n * 10 + (_p[q++] - '0');
                if (n > maxValue)
                {
                    error = maxError;
                    goto Exit;
                }
            }

            if (allowSign >= 0 && sign != 0)
            {
                if (n == 0)
                {
                    error = PcreErrors.ZeroRelativeReference;
                    goto Exit;
                }

                if (sign > 0)
                {
                    n += allowSign;
                }
                else if (n > allowSign)
                {
                    error = PcreErrors.NonExistentSubpattern;
                    goto Exit;
                }
                else
                {
                    n = allowSign + 1 - n;
                }
            }

            yield = true;

        Exit:
            value = (int)n;
            ptr = q;
            return yield;
        }

        /// <summary>PCRE2's read_repeat_counts, with the pointer after '{'. False with error 0: not a quantifier (a literal '{').</summary>
        private bool ReadRepeatCounts(ref int ptr, out int min, out int max, out int error)
        {
            min = 0;
            max = -1;
            error = 0;
            var hadComma = false;
            for (var scan = ptr; ; scan++)
            {
                if (scan >= _end)
                {
                    return false;
                }

                int c = _p[scan];
                if (PcreCharTables.IsDigit(c))
                {
                    continue;
                }

                if (c == '}')
                {
                    break;
                }

                if (c != ',' || hadComma)
                {
                    return false;
                }

                hadComma = true;
            }

            var q = ptr;
            if (!ReadNumber(ref q, -1, MaxRepeatCount, PcreErrors.QuantifierTooBig, out min, out error))
            {
                ptr = q;
                return false;
            }

            if (_p[q] == '}')
            {
                q++;
                max = min;
            }
            else
            {
                if (_p[++q] != '}')
                {
                    if (!ReadNumber(ref q, -1, MaxRepeatCount, PcreErrors.QuantifierTooBig, out max, out error))
                    {
                        ptr = q;
                        return false;
                    }

                    if (max < min)
                    {
                        error = PcreErrors.QuantifierOutOfOrder;
                        ptr = q;
                        return false;
                    }
                }

                q++;
            }

            ptr = q;
            return true;
        }

        /// <summary>
        /// PCRE2's read_name. <paramref name="ptr"/> is on the character before the name; a '*' there means a
        /// verb or alpha assertion name (no terminator check), otherwise a group name ending with
        /// <paramref name="terminator"/>.
        /// </summary>
        private bool ReadName(ref int ptr, int terminator, out string name, out int nameOffset)
        {
            var isGroup = _p[ptr] != '*';
            name = "";
            nameOffset = ptr + 1;
            if (++ptr >= _end)
            {
                return Fail(isGroup ? PcreErrors.NameExpected : PcreErrors.VerbUnknown, ptr);
            }

            var nameStart = ptr;
            if (_utf && isGroup)
            {
                var c = DecodeAt(ptr, out var length);
                var category = CategoryOf(c);
                if (category == UnicodeCategory.DecimalDigitNumber)
                {
                    return Fail(PcreErrors.NameStartsWithDigit, ptr);
                }

                while (true)
                {
                    if (category != UnicodeCategory.DecimalDigitNumber && !IsLetterCategory(category) && c != '_')
                    {
                        break;
                    }

                    ptr += length;
                    if (ptr >= _end)
                    {
                        break;
                    }

                    c = DecodeAt(ptr, out length);
                    category = CategoryOf(c);
                }
            }
            else
            {
                if (isGroup && PcreCharTables.IsDigit(_p[ptr]))
                {
                    return Fail(PcreErrors.NameStartsWithDigit, ptr);
                }

                while (ptr < _end && PcreCharTables.IsWord(_p[ptr]))
                {
                    ptr++;
                }
            }

            if (ptr > nameStart + MaxNameSize)
            {
                return Fail(PcreErrors.NameTooLong, ptr);
            }

            name = _utf ? Encoding.UTF8.GetString(_p, nameStart, ptr - nameStart) : Ascii(nameStart, ptr - nameStart);
            if (isGroup)
            {
                if (ptr == nameStart)
                {
                    return Fail(PcreErrors.NameExpected, ptr);
                }

                if (ptr >= _end || _p[ptr] != terminator)
                {
                    return Fail(PcreErrors.NameSyntax, ptr);
                }

                ptr++;
            }

            return true;
        }

        private string Ascii(int start, int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)_p[start + i];
            }

            return new string(chars);
        }

        private int DecodeAt(int at, out int length)
        {
            var next = at;
            var c = ReadChar(ref next);
            length = next - at;
            return c;
        }

        private static UnicodeCategory CategoryOf(int codePoint)
        {
            if (codePoint < 0x10000)
            {
                return CharUnicodeInfo.GetUnicodeCategory((char)codePoint);
            }

            return CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
        }

        private static bool IsLetterCategory(UnicodeCategory category) =>
            category == UnicodeCategory.UppercaseLetter || category == UnicodeCategory.LowercaseLetter ||
            category == UnicodeCategory.TitlecaseLetter || category == UnicodeCategory.ModifierLetter ||
            category == UnicodeCategory.OtherLetter;

        private void FixSmallReferenceOffsets(ParsedItem item)
        {
            switch (item)
            {
                case ParsedBackreference { Name: null } reference when reference.Number < 10:
                    reference.ErrorOffset = _smallRefOffset[reference.Number];
                    break;
                case ParsedRepeat repeat:
                    FixSmallReferenceOffsets(repeat.Body);
                    break;
                case ParsedGroup group:
                    foreach (var branch in group.Branches)
                    {
                        foreach (var child in branch)
                        {
                            FixSmallReferenceOffsets(child);
                        }
                    }

                    break;
            }
        }
    }
}
