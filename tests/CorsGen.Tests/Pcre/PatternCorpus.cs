using System.Text;

namespace CorsGen.Tests.Pcre;

/// <summary>
/// The patterns the PCRE2 differential tests feed to both our parser and the real PCRE2: hand-written edge
/// cases, realistic Kong origin regexes, single-character mutations of those, and patterns from a small random
/// grammar. Everything is deterministic (fixed seeds), so a failure always reproduces.
/// </summary>
internal static class PatternCorpus
{
    /// <summary>Origin regexes as people write them for Kong (some of which PCRE2 rejects).</summary>
    public static readonly string[] OriginRegexes =
    {
        @"https://(.+\.)?example\.com",
        @"(.*[./])?foo\.test:8000",
        @"^http://(.*[.])?foo\.test(:(80|90))?$",
        @".*\.?example(?:-foo)?.test",
        @"https?://[a-z0-9-]+\.example\.(com|org)",
        @"[\w-_]+\.sub\.domain\.com",
        @"*.example.com",
        @"https://*.example.com",
        @"^https?://([a-z0-9-]+\.)*example\.com(:[0-9]{1,5})?$",
        @"https://(www|api|app)\.example\.com",
        @"^https://[^/]+\.example\.net$",
        @"http://localhost:[0-9]+",
        @"^https?://(localhost|127\.0\.0\.1)(:\d+)?$",
        @"https://example\.com/?",
        @"^(https?://)?([\w-]+\.)+example\.org$",
        @"https://[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.example\.com",
        @"(?i)^https://EXAMPLE\.com$",
        @"^https://example\.(com|co\.uk|de)$",
        @"https://foo-[0-9]{2,4}\.bar\.io",
        @"^https://[a-z]+\.(dev|staging)\.example\.com(:8443)?$",
        @"\Ahttps://example\.com\z",
        @"https://.*",
        @"http(s)?://(\w+\.)?example\.com/",
        @"^https://(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+example\.com$",
        @"https://example\.com|https://example\.org",
        @"^https://[-a-z.]+$",
        @"https://\*\.example\.com",
        @"^https://app\d*\.example\.com$",
        @"https://(?<sub>[a-z]+)\.example\.com",
        @"^https?://[^.]+\.example\.com(:\d{2,5})?/?$",
    };

    /// <summary>The characters mutations insert or substitute: regex metacharacters and a few ordinary ones.</summary>
    public const string MutationChars = "\\()[]{}|*+?.^$-:,=!<>#&'PRCKkgpQExo0123456789aAzZ_ \n\u00e9";

    /// <summary>Hand-written patterns probing every corner of the syntax, valid and invalid.</summary>
    public static readonly string[] EdgeCases =
    {
        // Literals, escapes of non-alphanumerics, escapes of letters.
        "", "a", "abc", "\u00e9", "caf\u00e9+", "\u20ac{2}", "\ud83d\ude00", "\\.", "\\/", "\\-", "\\ ", "\\\\", "\\", "a\\",
        "\\a\\e\\f\\n\\r\\t", "\\i", "\\j", "\\m", "\\q", "\\y", "\\I", "\\J", "\\M", "\\O", "\\T", "\\Y", "\\F", "\\l", "\\L", "\\u",
        "\\U", "\\u0041", "\\N", "\\N{U+41}", "\\N{name}", "\\N{2}", "\\N{2,3}", "\\N{,3}", "\\N*", "\\c", "\\cA", "\\ca", "\\c[",
        "\\c?", "\\c\u00e9", "\\c ", "\\c~", "\\x", "\\x4", "\\x41", "\\x411", "\\xg", "\\x{", "\\x{}", "\\x{41}", "\\x{041}",
        "\\x{100}", "\\x{ff}", "\\x{0000000ff}", "\\x{zz}", "\\x{41", "\\x{4 1}", "\\o", "\\oa", "\\o{", "\\o{}", "\\o{101}",
        "\\o{400}", "\\o{377}", "\\o{8}", "\\o{101", "\\0", "\\00", "\\000", "\\0000", "\\07", "\\08", "\\377", "\\400", "\\477",
        "\\8", "\\9", "\\81", "\\18", "\\1", "(a)\\1", "(a)\\2", "(a)\\10", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "\\11", "\\12",
        "\\99999999999", "\\123456", "\\Qa.b\\E", "\\Qa.b", "\\Q\\E", "a\\Q\\E+", "\\E", "a\\E*", "\\Q*\\E+", "\\Qab\\E{2}",
        // \g, \k and named references.
        "\\g", "\\g1", "(a)\\g1", "(a)\\g{1}", "(a)\\g-1", "(a)\\g{-1}", "(a)\\g{-2}", "(a)\\g+1", "\\g{+1}(a)", "\\g0", "\\g{0}",
        "(a)\\g{1", "\\g{a}", "(?<a>x)\\g{a}", "\\g<a>", "(?<a>x)\\g<a>", "(?<a>x)\\g'a'", "(a)\\g<1>", "(a)\\g<-1>", "(a)\\g<+1>",
        "(a)\\g<1", "(a)\\g'1>", "\\g<-0>", "\\g{-0}", "\\g99999999", "\\k", "\\ka", "\\k<", "\\k<>", "\\k<a", "\\k<a>",
        "(?<a>x)\\k<a>", "(?<a>x)\\k'a'", "(?<a>x)\\k{a}", "(?<a>x)\\k<b>", "\\k<1a>", "(?P<n>a)(?P=n)", "(?P=n)", "(?P>n)",
        "(?P<n>a)(?P>n)", "(?Px)", "(?P", "(?P<n", "(?P=n", "(?P<1n>a)",
        // Classes.
        "[abc]", "[^abc]", "[]", "[]a]", "[^]", "[^]a]", "[a-z]", "[z-a]", "[a-a]", "[a-]", "[-a]", "[a-z-0]", "[\\d-z]", "[a-\\d]",
        "[\\w-_]", "[\\w-]", "[%--]", "[--0]", "[\\x41-\\x5a]", "[\\x5a-\\x41]", "[\\0-\\377]", "[\\200-\\110]", "[a\\-z]",
        "[\\]]", "[\\[]", "[[]", "[a[b]", "[\\Qa-z\\E]", "[a\\Q]\\E]", "[\\Q\\E]", "[\\E]]", "[^\\E]]", "[^\\Q\\E]]", "[\\Q]", "[",
        "[a", "[\\", "[^", "[\\E", "[a-", "[\\b]", "[\\B]", "[\\R]", "[\\X]", "[\\N]", "[\\A]", "[\\z]", "[\\K]", "[\\G]", "[\\C]",
        "[\\g]", "[\\k]", "[\\p{L}]", "[\\P{L}]", "[\\h\\v]", "[\\H]", "[\\V]", "[\\s\\S]", "[\\d-]", "[\\d-]]", "[a-\\x{100}]",
        "[\\x{100}]", "[\\o{400}]", "[\\400]", "[\\8]", "[\\9a]", "[\\1]", "[\\cA]", "[\\c]", "[\\x]", "[\\o]",
        // POSIX classes.
        "[[:alpha:]]", "[[:^alpha:]]", "[[:digit:][:space:]]", "[[:foo:]]", "[[:ALPHA:]]", "[[:alpha]]", "[[:alpha:]", "[:alpha:]",
        "[.a.]", "[=a=]", "[[.a.]]", "[[=a=]]", "[[:<:]]", "[[:>:]]", "[[:<:]]*", "[a[:<:]]", "[a-[:digit:]]", "[[:digit:]-z]",
        "[[:digit:]-]", "[[:digit:]-]]", "[[:alpha:][:^digit:]]", "[:a[:digit:]b:]", "[[:xdigit:]]", "[[:word:]]", "[[:print:]]",
        "[[:graph:]]", "[[:punct:]]", "[[:cntrl:]]", "[[:blank:]]", "[[:ascii:]]", "[[:alnum:]]", "[[:lower:]]", "[[:upper:]]",
        "[[:space:]]", "[[: space:]]", "[[:s\\]pace:]]", "[[:space\\]:]]",
        // Groups and alternation.
        "()", "(a)", "(a", "a)", ")", "(", "((a)", "(a))", "(?:a)", "(?:", "(?", "(?)", "a|b", "|", "a||b", "(|a)", "(a|)",
        "(?|(a)|(b))\\2", "(?|(a)|(b))\\1", "(?<n>a)", "(?'n'a)", "(?<n>a)(?<n>b)", "(?J)(?<n>a)(?<n>b)", "(?<n>a)|(?<n>b)",
        "(?|(?<a>x)|(?<a>y))", "(?|(?<a>x)|(?<b>y))", "(?<>a)", "(?<1>a)", "(?<a-b>x)", "(?<a", "(?'a", "(?'a>x)",
        "(?<abcdefghijabcdefghijabcdefghijab>x)", "(?<abcdefghijabcdefghijabcdefghijabc>x)", "(?<\u00e9>x)", "(?<a\u00e9>x)",
        // Options.
        "(?i)a", "(?i:a)b", "(?-i)a", "(?i-i)a", "(?i-)a", "(?--i)a", "(?^)a", "(?^i)a", "(?^-i)a", "(?x)a b", "(?xx)[a b]",
        "(?x)a#b\nc", "(?x)a # comment", "(?x)(?#c)a", "(?n)(a)\\1", "(?U)a*", "(?s).", "(?m)^$", "(?J)", "(?z)", "(?i", "(?i:",
        "(?x)\u0085a", "(?x)[ ]", "(?xx)[ ]", "(?xx)[ a-b ]", "(?x)a+ ?", "(?x)a + +", "a(?i)b|c", "(a(?i)b)c", "(?i)(?-i:a)a",
        // Quantifiers.
        "a*", "a+", "a?", "a*?", "a+?", "a??", "a*+", "a++", "a?+", "a**", "a*{2}", "a{2}", "a{2,}", "a{2,3}", "a{3,2}", "a{,3}",
        "a{,}", "a{}", "a{ 2}", "a{2 }", "a{2,3,4}", "a{65535}", "a{65536}", "a{0,65535}", "a{99999}", "a{2}?", "a{2}+", "a{2}{3}",
        "*", "+", "?", "{2}", "a|*", "(*)", "(?:*)", "^*", "$*", "\\b*", "\\B+", "\\A?", "\\z{2}", "\\K*", "(?=a)*", "(?!a)+",
        "(?<=a)?", "(?i)*", "(?#c)*", "a(?#c)*", "a\\Q\\E*", "(*ACCEPT)?", "(*ACCEPT:x)+", "(*FAIL)?", "(*COMMIT)+", "x{2}{3}",
        "{", "x{", "x{1", "x{1,", "a{1}{2}",
        // Anchors and assertions.
        "^a$", "\\Aa\\z", "a\\Z", "\\Ga", "\\ba\\B", "a\\K", "(?=a)", "(?!a)", "(?<=a)", "(?<!a)", "(?<=a|bc)", "(?<=a+)",
        "(?<=a*b)", "(?<=a{2})", "(?<=a{2,3})", "(?<=(a|bc))", "(?<=(a|b))", "(?<=\\d{3})", "(?<=.)", "(?<=\\R)", "(?<=\\X)",
        "(?<=\\C)", "(?<=\\p{L})", "(?<=a(?=b*))", "(?<=a(?<=b*))", "(?<=a(?<=b)?)", "(?<=(a)\\1)", "(a)(?<=\\1)", "(a+)(?<=\\1)",
        "(?<=\\2)", "(?<=\\k<n>)", "(?<n>a)(?<=\\k<n>)", "(?<=(?1))(a)", "(?<=(?R))", "(a(?<=\\1))", "(?<=a(*ACCEPT)b*)",
        "(?<=a{65535}b)", "(?<=a{0})", "(?<=(?:ab){0}c)", "(?<=[[:>:]]?)", "(?<=[[:<:]]*)", "(?<=\\K)", "(?=\\K)", "\\K(?=\\K)",
        "(?*a)", "(?<*a)", "(*pla:a)", "(*plb:a)", "(*plb:a+)", "(*napla:a)", "(*naplb:a)", "(*nla:a)", "(*nlb:a)",
        "(*positive_lookahead:a)", "(*negative_lookbehind:a)", "(*atomic:a)", "(*sr:a)", "(*asr:a)", "(*script_run:a)",
        "(*atomic_script_run:a)", "(*foo:a)", "(*pla)", "(*pla", "(?>a)", "(?>a",
        // Verbs and start-of-pattern settings.
        "(*ACCEPT)", "(*FAIL)", "(*F)", "(*COMMIT)", "(*PRUNE)", "(*PRUNE:x)", "(*SKIP)", "(*SKIP:x)", "(*THEN)", "(*THEN:x)",
        "(*MARK)", "(*MARK:)", "(*MARK:x)", "(*:x)", "(*:)", "(*FOO)", "(*ACCEPT:x)", "(*MARK:x", "(*", "(*1)", "(*-)",
        "(*UTF)a", "(*UTF8)a", "(*UCP)\\w", "(*UTF)(*UCP)a", "(*CR)a", "(*LF)a", "(*CRLF).", "(*ANY)$", "(*ANYCRLF)^",
        "(*NUL).", "(*BSR_ANYCRLF)\\R", "(*BSR_UNICODE)a", "(*NO_JIT)a", "(*NO_START_OPT)a", "(*NO_AUTO_POSSESS)a",
        "(*NO_DOTSTAR_ANCHOR)a", "(*NOTEMPTY)a", "(*NOTEMPTY_ATSTART)a", "(*LIMIT_MATCH=10)a", "(*LIMIT_HEAP=1)a",
        "(*LIMIT_DEPTH=5)a", "(*LIMIT_RECURSION=5)a", "(*LIMIT_MATCH=)a", "(*LIMIT_MATCH=1x)a", "a(*UTF)", "(*utf)a",
        "(*UTF)\\x{100}", "(*UTF)\\x{110000}", "(*UTF)\\x{d800}", "(*UTF)\\o{400}", "(*UTF)\\N{U+41}", "(*UTF)[\u00e9-\u00e8]",
        "(*UTF)(?<\u00e9>x)", "(*UTF)(?<\u0663x>y)", "(*UTF)(?<=\\C)", "(*UTF)\\400", "(*CR)(?x)a#b\nc", "(*CR)(?x)a#b\rc",
        "(*CRLF)(?x)a#b\r\nc)", "(*ANY)(?x)a#\u0085)", "(*NUL)(?x)a#b\0c",
        // Recursion, subroutines, conditionals, callouts.
        "(?R)", "(?R", "(?Rx)", "(?0)", "(?1)", "(a)(?1)", "(?-1)", "(a)(?-1)", "(?+1)(a)", "(?+1)", "(?+a)", "(?-0)", "(?+0)",
        "(?1x", "(?&n)", "(?<n>a)(?&n)", "(?&)", "(?&1)", "(?(1)a|b)", "(a)(?(1)a|b)", "(a)(?(1)a|b|c)", "(?(2)a)", "(?(0)a)",
        "(?(+1)a)(b)", "(?(-1)a)", "(?(<n>)a)", "(?<n>a)(?(<n>)a)", "(?<n>a)(?('n')a)", "(?<n>a)(?(n)a)", "(?(R)a)", "(?(R1)a)",
        "(a)(?(R1)a)", "(?(R&n)a)", "(?<n>a)(?(R&n)a)", "(?(DEFINE)(?<n>a))", "(?(DEFINE)a|b)", "(?(VERSION>=10.42)a)",
        "(?(VERSION=10)a)", "(?(VERSION>10)a)", "(?(VERSION=10.4)a|b)", "(?(VERSION)a)", "(?(?=a)a|b)", "(?(?!a)a)",
        "(?(?<=a)a)", "(?(?<!a)a)", "(?(?C1)(?=a)a)", "(?(?C1)a)", "(?(*pla:a)a)", "(?(*napla:a)a)", "(?(*atomic:a)a)",
        "(?(a)", "(?(", "(?(1", "(?(1a)b)", "(?(?=a)*b)", "(?C)", "(?C1)", "(?C255)", "(?C256)", "(?C\"x\")", "(?C\"x\"\"y\")",
        "(?C{x})", "(?C'x')", "(?Cx)", "(?C\"x)", "(?C1", "(?C", "a(?C1)*", "(?(DEFINE)a)*",
        // Comments and nesting.
        "(?#comment)a", "(?#comment", "(?#)", "a(?#x)b", "((((((((((a))))))))))",
    };

    /// <summary>Single mutations (insert, delete or replace one character) of the origin regexes, deterministic.</summary>
    public static IEnumerable<string> Mutations(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var pattern = new StringBuilder(OriginRegexes[random.Next(OriginRegexes.Length)]);
            var mutations = 1 + random.Next(2);
            for (var m = 0; m < mutations; m++)
            {
                var op = pattern.Length == 0 ? 0 : random.Next(3);
                var at = random.Next(pattern.Length + (op == 0 ? 1 : 0));
                var c = MutationChars[random.Next(MutationChars.Length)];
                switch (op)
                {
                    case 0:
                        pattern.Insert(at, c);
                        break;
                    case 1:
                        pattern.Remove(at, 1);
                        break;
                    default:
                        pattern[at] = c;
                        break;
                }
            }

            yield return pattern.ToString();
        }
    }

    /// <summary>Patterns from a small random grammar of PCRE2 syntax, both well- and ill-formed, deterministic.</summary>
    public static IEnumerable<string> Generated(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder();
            Alternation(builder, random, 0);
            yield return builder.ToString();
        }
    }

    private static readonly string[] Atoms =
    {
        "a", "b", "Z", "0", "-", ".", "\\.", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\h", "\\v", "\\N", "\\x41", "\\x{2f}",
        "\\o{101}", "\\101", "\\0", "\\t", "\\cA", "\\Qa+\\E", "[a-z]", "[^a-z0-9]", "[\\w.-]", "[[:alpha:]]", "[[:^digit:]_]",
        "[]a]", "[a-]", "\u00e9", "\\1", "\\g{-1}", "\\k<n>", "\\p{L}", "\\R", "\\X", "\\C", "\\b", "\\B", "^", "$", "\\A",
        "\\z", "\\Z", "\\G", "\\K", "(?i)", "(?-i)", "(?s)", "(?m)", "(?x)", "(?#c)", "(*FAIL)", "(*ACCEPT)", "(*MARK:m)",
        "(?C1)", "(?R)", "(?1)", "{", "}", "]", "[", "\\", "(", ")", "*", "?", "|", "#", " ",
    };

    private static readonly string[] Quantifiers =
    {
        "*", "+", "?", "*?", "+?", "??", "*+", "++", "?+", "{2}", "{1,3}", "{2,}", "{0}", "{,4}", "{3,1}", "{70000}", "{1,2}?",
        "{1,2}+", "{", "**",
    };

    private static readonly string[] GroupOpeners =
    {
        "(", "(?:", "(?<n>", "(?'m'", "(?P<p>", "(?i:", "(?-s:", "(?|", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(*atomic:",
        "(*pla:", "(?(1)", "(?(<n>)", "(?(?=a)", "(?(DEFINE)", "(?x:",
    };

    private static void Alternation(StringBuilder builder, Random random, int depth)
    {
        var branches = 1 + (random.Next(4) == 0 ? random.Next(3) : 0);
        for (var b = 0; b < branches; b++)
        {
            if (b > 0)
            {
                builder.Append('|');
            }

            var items = random.Next(5);
            for (var i = 0; i < items; i++)
            {
                if (depth < 3 && random.Next(5) == 0)
                {
                    builder.Append(GroupOpeners[random.Next(GroupOpeners.Length)]);
                    Alternation(builder, random, depth + 1);
                    if (random.Next(12) != 0)
                    {
                        builder.Append(')');
                    }
                }
                else
                {
                    builder.Append(Atoms[random.Next(Atoms.Length)]);
                }

                if (random.Next(3) == 0)
                {
                    builder.Append(Quantifiers[random.Next(Quantifiers.Length)]);
                }
            }
        }
    }
}
