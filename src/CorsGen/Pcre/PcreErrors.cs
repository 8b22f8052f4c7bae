namespace CorsGen.Pcre
{
    /// <summary>
    /// PCRE2 10.42's error numbers (as <c>pcre2_compile</c> returns them) and their texts, so CORS001 can
    /// quote PCRE2 word for word. Compile errors are 101..199; UTF-8 validity errors (only possible after
    /// <c>(*UTF)</c>) are -3..-23.
    /// </summary>
    internal static class PcreErrors
    {
        public const int BackslashAtEnd = 101;
        public const int BackslashCAtEnd = 102;
        public const int UnrecognizedEscape = 103;
        public const int QuantifierOutOfOrder = 104;
        public const int QuantifierTooBig = 105;
        public const int MissingClassTerminator = 106;
        public const int EscapeInvalidInClass = 107;
        public const int ClassRangeOutOfOrder = 108;
        public const int QuantifierInvalid = 109;
        public const int UnrecognizedAfterQuestion = 111;
        public const int PosixOutsideClass = 112;
        public const int PosixCollating = 113;
        public const int MissingClosingParenthesis = 114;
        public const int NonExistentSubpattern = 115;
        public const int MissingCommentClosing = 118;
        public const int ParenthesesTooDeep = 119;
        public const int PatternTooLarge = 120;
        public const int UnmatchedClosingParenthesis = 122;
        public const int MissingConditionClosing = 124;
        public const int LookbehindNotFixed = 125;
        public const int ZeroRelativeReference = 126;
        public const int ConditionTooManyBranches = 127;
        public const int AssertionExpected = 128;
        public const int DigitExpectedAfterPlusMinus = 129;
        public const int UnknownPosixClass = 130;
        public const int CodePointTooLarge = 134;
        public const int LookbehindTooComplicated = 135;
        public const int BackslashCInUtfLookbehind = 136;
        public const int UnsupportedEscape = 137;
        public const int CalloutNumberTooBig = 138;
        public const int CalloutMissingParenthesis = 139;
        public const int UnrecognizedAfterP = 141;
        public const int NameSyntax = 142;
        public const int DuplicateName = 143;
        public const int NameStartsWithDigit = 144;
        public const int MalformedProperty = 146;
        public const int UnknownProperty = 147;
        public const int NameTooLong = 148;
        public const int TooManyNames = 149;
        public const int InvalidRange = 150;
        public const int OctalTooLarge = 151;
        public const int DefineTooManyBranches = 154;
        public const int MissingBraceAfterO = 155;
        public const int BadGEscape = 157;
        public const int RecursionMissingParenthesis = 158;
        public const int VerbUnknown = 160;
        public const int SubpatternNumberTooBig = 161;
        public const int NameExpected = 162;
        public const int NonOctalInO = 164;
        public const int DifferentNamesSameNumber = 165;
        public const int MarkNeedsArgument = 166;
        public const int NonHexInX = 167;
        public const int BadCEscape = 168;
        public const int BadKEscape = 169;
        public const int NInClass = 171;
        public const int SurrogateCodePoint = 173;
        public const int VerbNameTooLong = 176;
        public const int DigitsMissing = 178;
        public const int BadVersionCondition = 179;
        public const int CalloutStringUnterminated = 181;
        public const int CalloutBadDelimiter = 182;
        public const int NestTooDeep = 184;
        public const int PatternTooComplicated = 186;
        public const int LookbehindTooLong = 187;
        public const int NUPlusNeedsUtf = 193;
        public const int InvalidHyphenInOptions = 194;
        public const int AlphaAssertionUnknown = 195;
        public const int TooManyGroups = 197;
        public const int AtomicAssertionExpected = 198;
        public const int KeepInLookaround = 199;

        /// <summary>PCRE2's text for an error number; a placeholder for numbers PCRE2 does not have.</summary>
        public static string Message(int code)
        {
            if (code >= 100 && code < 100 + CompileTexts.Length)
            {
                return CompileTexts[code - 100];
            }

            if (code <= -3 && code > -3 - Utf8Texts.Length)
            {
                return Utf8Texts[-code - 3];
            }

            return "error " + code;
        }

        public static PcreSyntaxError Create(int code, int offset) => new PcreSyntaxError(code, Message(code), offset);

        private static readonly string[] CompileTexts =
        {
            /* 100 */ "no error",
            /* 101 */ "\\ at end of pattern",
            /* 102 */ "\\c at end of pattern",
            /* 103 */ "unrecognized character follows \\",
            /* 104 */ "numbers out of order in {} quantifier",
            /* 105 */ "number too big in {} quantifier",
            /* 106 */ "missing terminating ] for character class",
            /* 107 */ "escape sequence is invalid in character class",
            /* 108 */ "range out of order in character class",
            /* 109 */ "quantifier does not follow a repeatable item",
            /* 110 */ "internal error: unexpected repeat",
            /* 111 */ "unrecognized character after (? or (?-",
            /* 112 */ "POSIX named classes are supported only within a class",
            /* 113 */ "POSIX collating elements are not supported",
            /* 114 */ "missing closing parenthesis",
            /* 115 */ "reference to non-existent subpattern",
            /* 116 */ "pattern passed as NULL",
            /* 117 */ "unrecognised compile-time option bit(s)",
            /* 118 */ "missing ) after (?# comment",
            /* 119 */ "parentheses are too deeply nested",
            /* 120 */ "regular expression is too large",
            /* 121 */ "failed to allocate heap memory",
            /* 122 */ "unmatched closing parenthesis",
            /* 123 */ "internal error: code overflow",
            /* 124 */ "missing closing parenthesis for condition",
            /* 125 */ "lookbehind assertion is not fixed length",
            /* 126 */ "a relative value of zero is not allowed",
            /* 127 */ "conditional subpattern contains more than two branches",
            /* 128 */ "assertion expected after (?( or (?(?C)",
            /* 129 */ "digit expected after (?+ or (?-",
            /* 130 */ "unknown POSIX class name",
            /* 131 */ "internal error in pcre2_study(): should not occur",
            /* 132 */ "this version of PCRE2 does not have Unicode support",
            /* 133 */ "parentheses are too deeply nested (stack check)",
            /* 134 */ "character code point value in \\x{} or \\o{} is too large",
            /* 135 */ "lookbehind is too complicated",
            /* 136 */ "\\C is not allowed in a lookbehind assertion in UTF-8 mode",
            /* 137 */ "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u",
            /* 138 */ "number after (?C is greater than 255",
            /* 139 */ "closing parenthesis for (?C expected",
            /* 140 */ "invalid escape sequence in (*VERB) name",
            /* 141 */ "unrecognized character after (?P",
            /* 142 */ "syntax error in subpattern name (missing terminator?)",
            /* 143 */ "two named subpatterns have the same name (PCRE2_DUPNAMES not set)",
            /* 144 */ "subpattern name must start with a non-digit",
            /* 145 */ "this version of PCRE2 does not have support for \\P, \\p, or \\X",
            /* 146 */ "malformed \\P or \\p sequence",
            /* 147 */ "unknown property after \\P or \\p",
            /* 148 */ "subpattern name is too long (maximum 32 code units)",
            /* 149 */ "too many named subpatterns (maximum 10000)",
            /* 150 */ "invalid range in character class",
            /* 151 */ "octal value is greater than \\377 in 8-bit non-UTF-8 mode",
            /* 152 */ "internal error: overran compiling workspace",
            /* 153 */ "internal error: previously-checked referenced subpattern not found",
            /* 154 */ "DEFINE subpattern contains more than one branch",
            /* 155 */ "missing opening brace after \\o",
            /* 156 */ "internal error: unknown newline setting",
            /* 157 */ "\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number",
            /* 158 */ "(?R (recursive pattern call) must be followed by a closing parenthesis",
            /* 159 */ "obsolete error (should not occur)",
            /* 160 */ "(*VERB) not recognized or malformed",
            /* 161 */ "subpattern number is too big",
            /* 162 */ "subpattern name expected",
            /* 163 */ "internal error: parsed pattern overflow",
            /* 164 */ "non-octal character in \\o{} (closing brace missing?)",
            /* 165 */ "different names for subpatterns of the same number are not allowed",
            /* 166 */ "(*MARK) must have an argument",
            /* 167 */ "non-hex character in \\x{} (closing brace missing?)",
            /* 168 */ "\\c must be followed by a printable ASCII character",
            /* 169 */ "\\k is not followed by a braced, angle-bracketed, or quoted name",
            /* 170 */ "internal error: unknown meta code in check_lookbehinds()",
            /* 171 */ "\\N is not supported in a class",
            /* 172 */ "callout string is too long",
            /* 173 */ "disallowed Unicode code point (>= 0xd800 && <= 0xdfff)",
            /* 174 */ "using UTF is disabled by the application",
            /* 175 */ "using UCP is disabled by the application",
            /* 176 */ "name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)",
            /* 177 */ "character code point value in \\u.... sequence is too large",
            /* 178 */ "digits missing in \\x{} or \\o{} or \\N{U+}",
            /* 179 */ "syntax error or number too big in (?(VERSION condition",
            /* 180 */ "internal error: unknown opcode in auto_possessify()",
            /* 181 */ "missing terminating delimiter for callout with string argument",
            /* 182 */ "unrecognized string delimiter follows (?C",
            /* 183 */ "using \\C is disabled by the application",
            /* 184 */ "(?| and/or (?J: or (?x: parentheses are too deeply nested",
            /* 185 */ "using \\C is disabled in this PCRE2 library",
            /* 186 */ "regular expression is too complicated",
            /* 187 */ "lookbehind assertion is too long",
            /* 188 */ "pattern string is longer than the limit set by the application",
            /* 189 */ "internal error: unknown code in parsed pattern",
            /* 190 */ "internal error: bad code value in parsed_skip()",
            /* 191 */ "PCRE2_EXTRA_ALLOW_SURROGATE_ESCAPES is not allowed in UTF-16 mode",
            /* 192 */ "invalid option bits with PCRE2_LITERAL",
            /* 193 */ "\\N{U+dddd} is supported only in Unicode (UTF) mode",
            /* 194 */ "invalid hyphen in option setting",
            /* 195 */ "(*alpha_assertion) not recognized",
            /* 196 */ "script runs require Unicode support, which this version of PCRE2 does not have",
            /* 197 */ "too many capturing groups (maximum 65535)",
            /* 198 */ "atomic assertion expected after (?( or (?(?C)",
            /* 199 */ "\\K is not allowed in lookarounds (but see PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)",
        };

        private static readonly string[] Utf8Texts =
        {
            /* -3 */ "UTF-8 error: 1 byte missing at end",
            /* -4 */ "UTF-8 error: 2 bytes missing at end",
            /* -5 */ "UTF-8 error: 3 bytes missing at end",
            /* -6 */ "UTF-8 error: 4 bytes missing at end",
            /* -7 */ "UTF-8 error: 5 bytes missing at end",
            /* -8 */ "UTF-8 error: byte 2 top bits not 0x80",
            /* -9 */ "UTF-8 error: byte 3 top bits not 0x80",
            /* -10 */ "UTF-8 error: byte 4 top bits not 0x80",
            /* -11 */ "UTF-8 error: byte 5 top bits not 0x80",
            /* -12 */ "UTF-8 error: byte 6 top bits not 0x80",
            /* -13 */ "UTF-8 error: 5-byte character is not allowed (RFC 3629)",
            /* -14 */ "UTF-8 error: 6-byte character is not allowed (RFC 3629)",
            /* -15 */ "UTF-8 error: code points greater than 0x10ffff are not defined",
            /* -16 */ "UTF-8 error: code points 0xd800-0xdfff are not defined",
            /* -17 */ "UTF-8 error: overlong 2-byte sequence",
            /* -18 */ "UTF-8 error: overlong 3-byte sequence",
            /* -19 */ "UTF-8 error: overlong 4-byte sequence",
            /* -20 */ "UTF-8 error: overlong 5-byte sequence",
            /* -21 */ "UTF-8 error: overlong 6-byte sequence",
            /* -22 */ "UTF-8 error: isolated byte with 0x80 bit set",
            /* -23 */ "UTF-8 error: illegal byte (0xfe or 0xff)",
        };
    }
}
