using CorsGen.Pcre;
using CorsGen.Tests.Oracle;
using Xunit.Abstractions;

namespace CorsGen.Tests.Pcre;

/// <summary>
/// The AST must mean what the pattern means to PCRE2. A tiny reference matcher walks the AST (the set of end
/// positions reachable from offset 0, with the assertion semantics documented on <see cref="AssertionKind"/>);
/// for every supported pattern of the corpus it must agree with PCRE2's anchored match on many subjects.
/// </summary>
public class AstMatchSemanticsTests
{
    private readonly ITestOutputHelper _output;

    public AstMatchSemanticsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Supported_patterns_match_exactly_what_pcre2_matches()
    {
        var patterns = PatternCorpus.EdgeCases
            .Concat(PatternCorpus.OriginRegexes)
            .Concat(PatternCorpus.Mutations(3000, seed: 20240501))
            .Concat(PatternCorpus.Generated(3000, seed: 4242))
            .Concat(SemanticCases)
            .Distinct();
        var random = new Random(99);
        int checkedPatterns = 0, subjects = 0;
        var failures = new List<string>();
        foreach (var pattern in patterns)
        {
            var result = PcreParser.Parse(pattern);
            if (!result.IsSupported)
            {
                continue;
            }

            checkedPatterns++;
            using var oracle = Pcre2.Create(pattern, utf8: true);
            foreach (var subject in Subjects(result.Root!, random))
            {
                subjects++;
                var expected = oracle.IsAnchoredMatch(subject);
                var actual = ReferenceMatcher.Matches(result.Root!, subject);
                if (expected != actual && failures.Count < 20)
                {
                    failures.Add($"{PcreDifferential.Show(pattern)} on {Convert.ToHexString(subject)}: PCRE2 {expected}, AST {actual}");
                }
            }
        }

        _output.WriteLine($"{checkedPatterns} supported patterns, {subjects} subjects");
        Assert.True(checkedPatterns > 1000, $"only {checkedPatterns} supported patterns");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Patterns aimed at anchors, options and repeats.</summary>
    private static readonly string[] SemanticCases =
    {
        "(?m)^a$", "(?m)a\\n^", "(?m)a\\n^$", "a$", "a\\Z", "a\\z", "a$\\n", "(?m)a$\\nb", "\\ba\\b", "a\\B", "\\B", "\\b",
        "(?i)ab(?-i)c", "a(?i)b|c", "(a(?i)b)c", "(?s).\\n", ".\\n", "\\N", "(?x) a b c ", "a{2,3}b", "(a|ab)(c|bcd)d",
        "(?:a|)*b", "(?:a?)*?b", "(?:)*", "a{0}b", "(?:ab){2,}", "^https?://([a-z0-9-]+\\.)*example\\.com(:[0-9]{1,5})?$",
        "(?i)[^a]", "[[:alpha:]]+\\d", "\\w+@\\w+", "\\h\\v", "a\\Kb", "\\Gab", "(?m)\\Aa", "x*$", "(?m)x*$", "$\\n?",
    };

    /// <summary>Subjects that may or may not match: built from the AST, then perturbed, plus random ones.</summary>
    private static IEnumerable<byte[]> Subjects(RegexNode root, Random random)
    {
        var alphabet = new byte[] { (byte)'a', (byte)'b', (byte)'A', (byte)'z', (byte)'0', (byte)'.', (byte)'-', (byte)'/', (byte)':', (byte)'\n', (byte)' ', (byte)'_', 0xC3, 0xA9 };
        for (var i = 0; i < 5; i++)
        {
            var bytes = new List<byte>();
            Generate(root, random, bytes, 0);
            if (bytes.Count > 40)
            {
                bytes.RemoveRange(40, bytes.Count - 40);
            }

            yield return bytes.ToArray();
            if (bytes.Count > 0)
            {
                var changed = bytes.ToList();
                changed[random.Next(changed.Count)] = alphabet[random.Next(alphabet.Length)];
                yield return changed.ToArray();
                yield return bytes.Take(bytes.Count - 1).ToArray();
            }

            yield return bytes.Append((byte)'\n').ToArray();
            yield return bytes.Append(alphabet[random.Next(alphabet.Length)]).ToArray();
        }

        for (var i = 0; i < 4; i++)
        {
            yield return Enumerable.Range(0, random.Next(6)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
        }
    }

    /// <summary>A random string the AST probably matches (assertions are ignored).</summary>
    private static void Generate(RegexNode node, Random random, List<byte> output, int depth)
    {
        if (output.Count > 60 || depth > 50)
        {
            return;
        }

        switch (node)
        {
            case SetNode set:
                var members = Enumerable.Range(0, 256).Where(set.Set.Contains).ToArray();
                if (members.Length > 0)
                {
                    var preferred = members.Where(b => b >= 0x20 && b < 0x7F).ToArray();
                    var pool = preferred.Length > 0 && random.Next(4) != 0 ? preferred : members;
                    output.Add((byte)pool[random.Next(pool.Length)]);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Generate(item, random, output, depth + 1);
                }

                break;
            case AlternationNode alternation:
                Generate(alternation.Alternatives[random.Next(alternation.Alternatives.Length)], random, output, depth + 1);
                break;
            case GroupNode group:
                Generate(group.Body, random, output, depth + 1);
                break;
            case RepeatNode repeat:
                var max = repeat.Max < 0 ? repeat.Min + 3 : Math.Min(repeat.Max, repeat.Min + 3);
                var count = Math.Min(repeat.Min, 20) + random.Next(Math.Max(0, Math.Min(max, 20) - Math.Min(repeat.Min, 20)) + 1);
                for (var i = 0; i < count; i++)
                {
                    Generate(repeat.Body, random, output, depth + 1);
                }

                break;
        }
    }

    /// <summary>Anchored yes/no matching over the AST, by sets of reachable positions.</summary>
    internal static class ReferenceMatcher
    {
        public static bool Matches(RegexNode root, byte[] subject) => Ends(root, subject, new HashSet<int> { 0 }).Count > 0;

        private static HashSet<int> Ends(RegexNode node, byte[] s, HashSet<int> starts)
        {
            var result = new HashSet<int>();
            switch (node)
            {
                case SetNode set:
                    foreach (var p in starts)
                    {
                        if (p < s.Length && set.Set.Contains(s[p]))
                        {
                            result.Add(p + 1);
                        }
                    }

                    return result;
                case SequenceNode sequence:
                    var current = starts;
                    foreach (var item in sequence.Items)
                    {
                        current = Ends(item, s, current);
                    }

                    return current;
                case AlternationNode alternation:
                    foreach (var alternative in alternation.Alternatives)
                    {
                        result.UnionWith(Ends(alternative, s, starts));
                    }

                    return result;
                case GroupNode group:
                    return Ends(group.Body, s, starts);
                case RepeatNode repeat:
                    var reached = starts;
                    for (var i = 0; i < repeat.Min; i++)
                    {
                        reached = Ends(repeat.Body, s, reached);
                        if (reached.Count == 0)
                        {
                            return reached;
                        }
                    }

                    result.UnionWith(reached);
                    var frontier = reached;
                    for (var i = repeat.Min; repeat.Max < 0 || i < repeat.Max; i++)
                    {
                        frontier = Ends(repeat.Body, s, frontier);
                        frontier.ExceptWith(result);
                        if (frontier.Count == 0)
                        {
                            break;
                        }

                        result.UnionWith(frontier);
                    }

                    return result;
                case AssertionNode assertion:
                    foreach (var p in starts)
                    {
                        if (Holds(assertion.Kind, s, p))
                        {
                            result.Add(p);
                        }
                    }

                    return result;
                default:
                    throw new InvalidOperationException("unsupported node " + node);
            }
        }

        private static bool IsWord(byte b) => (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';

        private static bool Holds(AssertionKind kind, byte[] s, int p)
        {
            switch (kind)
            {
                case AssertionKind.StartOfSubject:
                    return p == 0;
                case AssertionKind.StartOfLine:
                    return p == 0 || (p < s.Length && s[p - 1] == '\n');
                case AssertionKind.EndOfSubjectOrBeforeFinalNewline:
                    return p == s.Length || (p == s.Length - 1 && s[p] == '\n');
                case AssertionKind.EndOfSubject:
                    return p == s.Length;
                case AssertionKind.EndOfLine:
                    return p == s.Length || s[p] == '\n';
                case AssertionKind.WordBoundary:
                case AssertionKind.NotWordBoundary:
                    var before = p > 0 && IsWord(s[p - 1]);
                    var after = p < s.Length && IsWord(s[p]);
                    return (before != after) == (kind == AssertionKind.WordBoundary);
                default:
                    throw new InvalidOperationException(kind.ToString());
            }
        }
    }
}
