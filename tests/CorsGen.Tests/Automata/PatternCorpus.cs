namespace CorsGen.Tests.Automata;

/// <summary>Pattern sources for the differential tests: realistic origin regexes, their mutations and a random grammar.</summary>
internal static class PatternCorpus
{
    /// <summary>Origin regexes as people write them in Kong's CORS plugin configuration (before Kong's adjustment).</summary>
    public static readonly string[] Realistic =
    {
        @"https://(.+\.)?example\.com$",
        @"(.*[./])?foo\.test:8000$",
        @"^http://(.*[.])?foo\.test(:(80|90))?$",
        @"^https?://([a-z0-9-]+\.)*example\.org$",
        @"https://[a-z0-9-]+\.example\.net",
        @"^https://(www\.)?mysite\.(com|net)$",
        @"http://localhost:\d+",
        @"^http://localhost(:\d{2,5})?$",
        @"^http://127\.0\.0\.1:[0-9]+$",
        @".*\.example\.com",
        @"^https://.*\.example\.com$",
        @"https://[^/]+\.example\.com",
        @"https://app[0-9]*\.example\.io",
        @"^https://(dev|staging|prod)\.api\.example\.com$",
        @"^https?://([^.]+\.)?corp\.local(:443)?$",
        @"\w+\.corp\.local",
        @"^https://[a-z]{2,10}\.example\.co\.uk$",
        @"^(https?)://([a-z]+)\.example\.com(:\d+)?$",
        @"https://example\.com|https://www\.example\.com",
        @"^https://example\.com/?$",
        @"^https://.+\.trusted\.com\z",
        @"^http://[a-z-]+\.internal:80[0-9]{2}$",
        @"https://.*",
        @".*",
        @"^null$",
        @"^file://$",
        @"^https://([a-z0-9]+[.])+example[.]com$",
        @"^https://sub\.example\.com(:8443)?$",
        @"http://\d+\.\d+\.\d+\.\d+(:\d+)?",
        @"^https://[\w-]+\.example\.com$",
        @"^https://\w+(-\w+)*\.example\.com$",
        @"\bexample\.com$",
        @"^https://example\.com\b",
        @"^https://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+example\.com$",
        @"^http://.{1,20}\.local$",
        @"^https://a+\.b*\.c?\.example\.com$",
        @"^https://(www|api|cdn)\d?\.example\.(com|org|net)(:(80|443|8080))?$",
        @"http://foo\.test:8000",
        @"https://(.+\.)?example\.com:(80|443)$",
        @"^(http|https)://[^:/]+(:\d+)?$",
        @"https://example\.com\/path",
        @"^https://[^.]+\.example\.com$",
        @"^https://\S+\.example\.com$",
        @"^https://[a-zA-Z0-9.-]+\.example\.com$",
        @"(?m)^https://example\.com$",
        @"^https://example\.com$\n?",
        @"^https://example\.com\Z",
        @"^http://[0-9a-f]{8}\.example\.com$",
        @"^https://x{3}\.example\.com$",
        @"https://(a|ab|abc)\.example\.com",
        @"(?i)^https://(www\.)?Example\.COM$",
        @"^https://[[:alnum:]-]+\.example\.com$",
        @"^https://\Qexample.com\E$",
        @"(?x) ^https:// (www \.)? example \. com $",
        @"^https://example\.com(?#a comment)$",
        @"(?s)^https://.*\.example\.com$",
        @"^https://[\w.-]+\.example\.com/?$",
        @"^(?i:HTTPS)://x\.example\.com$",
        @"^https://\x{65}xample\.com$",
        @"^https://[^\s/]+\.example\.com\z",
        @"(?m)^https://a\.test$\n^https://b\.test$",
        @"^https?://(?<host>[a-z]+)\.example\.com$",
        @"^https://example\.com\Z",
        @"^https://\d{1,3}(\.\d{1,3}){3}$",
    };

    /// <summary>Atoms only the project's parser knows (the test-only mini parser skips patterns using them).</summary>
    private static readonly string[] ExtendedAtoms =
    {
        "(?i)a", "(?i:ab)", "\\QA.b\\E", "[[:digit:]]", "[^[:alpha:]]", "\\h", "\\N", "(?s).", "\\101", "\\cJ", "[\\d.]", "\\x{2e}", "(?-i)b", "[[:punct:]]", "(?#c)", "\\e",
    };

    private const string AtomMetas = ".^$|()[]{}*+?\\";

    /// <summary>One random edit of a pattern: a char inserted, deleted, replaced or duplicated, a quantifier or anchor added, an escape dropped.</summary>
    public static string Mutate(string pattern, Random random)
    {
        const string pool = @"ab.-:/\^$|()[]{}*+?09wdsbBAzZ,nk_";
        var i = pattern.Length == 0 ? 0 : random.Next(pattern.Length + 1);
        switch (random.Next(9))
        {
            case 0:
                return pattern.Insert(i, pool[random.Next(pool.Length)].ToString());
            case 1:
                return pattern.Length == 0 ? pattern : pattern.Remove(Math.Min(i, pattern.Length - 1), 1);
            case 2:
                if (pattern.Length == 0)
                {
                    return pattern;
                }

                var at = Math.Min(i, pattern.Length - 1);
                return pattern.Remove(at, 1).Insert(at, pool[random.Next(pool.Length)].ToString());
            case 3:
                string[] quantifiers = { "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "{2,}" };
                return pattern.Insert(i, quantifiers[random.Next(quantifiers.Length)]);
            case 4:
                string[] anchors = { "^", "$", "\\b", "\\B", "\\z", "\\Z", "\\A", "\\n", "(?m)" };
                var anchor = anchors[random.Next(anchors.Length)];
                return anchor == "(?m)" ? anchor + pattern : pattern.Insert(i, anchor);
            case 5:
                var backslash = pattern.IndexOf('\\', i < pattern.Length ? i : 0);
                return backslash < 0 ? pattern : pattern.Remove(backslash, 1);
            case 6:
                return pattern.Replace("https", random.Next(2) == 0 ? "http" : "https?");
            case 7:
                if (pattern.Length == 0)
                {
                    return pattern;
                }

                var start = random.Next(pattern.Length);
                var length = random.Next(1, Math.Min(6, pattern.Length - start) + 1);
                return pattern.Insert(start, pattern.Substring(start, length));
            default:
                return "(" + pattern + ")" + (random.Next(2) == 0 ? "?" : "|" + Realistic[random.Next(Realistic.Length)]);
        }
    }

    /// <summary>A random pattern from a small grammar over a small alphabet, with every assertion kind.</summary>
    public static string Random(Random random, bool extended = false)
    {
        var builder = new System.Text.StringBuilder();
        _extended = extended;
        if (random.Next(5) == 0)
        {
            builder.Append("(?m)");
        }

        Alternation(builder, random, 0);
        return builder.ToString();
    }

    [ThreadStatic]
    private static bool _extended;

    private static void Alternation(System.Text.StringBuilder b, Random r, int depth)
    {
        var count = r.Next(10) < 7 ? 1 : r.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                b.Append('|');
            }

            Sequence(b, r, depth);
        }
    }

    private static void Sequence(System.Text.StringBuilder b, Random r, int depth)
    {
        var count = r.Next(0, depth == 0 ? 6 : 4);
        for (var i = 0; i < count; i++)
        {
            Item(b, r, depth);
        }
    }

    private static void Item(System.Text.StringBuilder b, Random r, int depth)
    {
        var roll = r.Next(100);
        if (roll < 14)
        {
            string[] anchors = { "^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z", "\\G", "\\n^", "$\\n", "\\n?^" };
            b.Append(anchors[r.Next(anchors.Length)]);
            return;
        }

        if (roll < 26 && depth < 3)
        {
            b.Append(r.Next(2) == 0 ? "(" : "(?:");
            Alternation(b, r, depth + 1);
            b.Append(')');
        }
        else
        {
            string[] atoms = { "a", "b", "a", "b", ".", "\\.", "\\n", "-", ":", "[ab]", "[^a]", "[a-c.]", "\\w", "\\W", "\\d", "\\s", "\\S", "[^\\n]", "0", "_", "\\x80", "[\\x00-\\x1f]" };
            b.Append(_extended && r.Next(6) == 0 ? ExtendedAtoms[r.Next(ExtendedAtoms.Length)] : atoms[r.Next(atoms.Length)]);
        }

        if (r.Next(100) < 35)
        {
            string[] quantifiers = { "*", "+", "?", "{2}", "{0,2}", "{1,3}", "{2,}", "*?", "+?", "{3}", "{0}" };
            b.Append(quantifiers[r.Next(quantifiers.Length)]);
        }
    }

    /// <summary>Runs of literal-looking text in a pattern (escapes removed): the pieces subjects are built from.</summary>
    public static List<string> Literals(string pattern)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var e = pattern[++i];
                if (!char.IsAsciiLetterOrDigit(e))
                {
                    current.Append(e);
                    continue;
                }

                if (e == 'n')
                {
                    current.Append('\n');
                    continue;
                }
            }
            else if (AtomMetas.IndexOf(c) < 0)
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces;
    }
}
