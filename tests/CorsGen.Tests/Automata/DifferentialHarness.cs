using System.Diagnostics;
using CorsGen.Automata;
using CorsGen.Pcre;
using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Automata;

/// <summary>
/// Compares <see cref="Dfa.IsMatch"/>, <see cref="Nfa.IsMatch"/> and real PCRE2 (Kong's anchored
/// match) on (pattern, subject) pairs. Patterns get Kong's adjustment first, at string level; only
/// patterns PCRE2 compiles and the parser accepts without unsupported constructs are used.
/// </summary>
internal sealed class DifferentialHarness
{
    private readonly Func<string, RegexNode?> _parse;

    public DifferentialHarness(Func<string, RegexNode?> parse) => _parse = parse;

    public long Patterns { get; private set; }

    public long Pairs { get; private set; }

    public long Disagreements { get; private set; }

    public long SkippedPatterns { get; private set; }

    public long OracleErrors { get; private set; }

    public long DfaCapExceeded { get; private set; }

    public List<string> Failures { get; } = new List<string>();

    /// <summary>Disagreements explained by <see cref="IsKnownParserGap"/>: counted and shown, not failed.</summary>
    public long KnownParserGaps { get; private set; }

    public List<string> KnownParserGapExamples { get; } = new List<string>();

    /// <summary>
    /// PCRE2 auto-possessifies a <c>\S</c> repeat before <c>\h</c>/<c>\v</c> (and the reverse) as if the
    /// types were disjoint, which they are not in the 8-bit library (0xA0, 0x85): see
    /// <see cref="KnownParserGapTests"/>. Such a repeat can only lose matches, so the signature is: PCRE2
    /// says no, we say yes, the pattern has <c>\S</c> and <c>\h</c> or <c>\v</c>, the subject 0xA0 or 0x85.
    /// </summary>
    private static bool IsKnownParserGap(string pattern, string subject, bool expected, bool ours) =>
        !expected && ours
        && pattern.Contains(@"\S", StringComparison.Ordinal)
        && (pattern.Contains(@"\h", StringComparison.Ordinal) || pattern.Contains(@"\v", StringComparison.Ordinal))
        && (subject.Contains('\u00a0') || subject.Contains('\u0085'));

    private void Record(string failure, string pattern, string subject, bool expected, bool ours)
    {
        if (IsKnownParserGap(pattern, subject, expected, ours))
        {
            KnownParserGaps++;
            if (KnownParserGapExamples.Count < 5)
            {
                KnownParserGapExamples.Add(failure);
            }

            return;
        }

        Disagreements++;
        if (Failures.Count < 20)
        {
            Failures.Add(failure);
        }
    }

    /// <summary>Runs one raw pattern (before Kong's adjustment) against <paramref name="subjects"/> generated subjects.</summary>
    public void RunPattern(string rawPattern, Random random, int subjects, int seed)
    {
        var pattern = Automaton.KongAdjust(rawPattern);
        // The parser reads a pattern as UTF-8, as Kong passes Lua strings: so does the oracle.
        if (!Pcre2.TryCompile(pattern, utf8: true).Ok)
        {
            SkippedPatterns++;
            return;
        }

        var root = TryParse(pattern);
        if (root is null)
        {
            SkippedPatterns++;
            return;
        }

        var result = DfaBuilder.Build(root);
        if (result.Nfa is null)
        {
            SkippedPatterns++;
            return;
        }

        if (result.StateCapExceeded)
        {
            DfaCapExceeded++;
        }

        Patterns++;
        using var regex = Pcre2.Create(pattern, utf8: true);

        // Kong passes "j": PCRE2's JIT runs the match. Every few patterns, it is a second oracle.
        using var jit = Patterns % 4 == 0 ? TryCreateJit(pattern) : null;
        var generator = new SubjectGenerator(random, result.Dfa, pattern);
        for (var i = 0; i < subjects; i++)
        {
            Compare(pattern, regex, jit, result, generator.Next(), seed);
        }

        // The shortest match is a fact the emitter and diagnostics rely on: it must match.
        if (result.Dfa?.ShortestMatch() is { } shortest)
        {
            Compare(pattern, regex, jit, result, shortest, seed);
        }
    }

    private RegexNode? TryParse(string pattern)
    {
        try
        {
            return _parse(pattern);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// A policy's union: <paramref name="rawPatterns"/> built into one DFA must match exactly when some
    /// pattern matches in PCRE2. Subjects come from each pattern's generator and from the union's language.
    /// </summary>
    public void RunUnion(IReadOnlyList<string> rawPatterns, Random random, int subjects, int seed)
    {
        var patterns = new List<string>();
        var roots = new List<RegexNode>();
        foreach (var raw in rawPatterns)
        {
            var pattern = Automaton.KongAdjust(raw);
            if (!Pcre2.TryCompile(pattern, utf8: true).Ok || TryParse(pattern) is not { } root)
            {
                continue;
            }

            patterns.Add(pattern);
            roots.Add(root);
        }

        if (roots.Count < 2)
        {
            return;
        }

        var union = DfaBuilder.Build(roots);
        if (!union.Success)
        {
            return;
        }

        var regexes = patterns.Select(p => Pcre2.Create(p, utf8: true)).ToList();
        try
        {
            var generators = patterns.Select((p, i) => new SubjectGenerator(random, DfaBuilder.Build(roots[i]).Dfa, p)).ToList();
            generators.Add(new SubjectGenerator(random, union.Dfa, string.Concat(patterns)));
            var shown = string.Join(" | ", patterns.Select(Automaton.Escape));
            for (var i = 0; i < subjects; i++)
            {
                var subject = generators[random.Next(generators.Count)].Next();
                bool expected;
                try
                {
                    expected = regexes.Any(r => r.IsAnchoredMatch(subject));
                }
                catch (InvalidOperationException)
                {
                    OracleErrors++;
                    continue;
                }

                Pairs++;
                var dfa = union.Dfa!.IsMatch(subject);
                var nfa = union.Nfa!.IsMatch(subject);
                if (dfa != expected || nfa != expected)
                {
                    var failure = $"seed {seed}: union \"{shown}\" subject \"{Automaton.Escape(subject)}\": PCRE2 {expected}, DFA {dfa}, NFA {nfa}";
                    Record(failure, string.Join("|", patterns), subject, expected, dfa && nfa);
                }
            }
        }
        finally
        {
            foreach (var regex in regexes)
            {
                regex.Dispose();
            }
        }
    }

    private static Pcre2.Regex? TryCreateJit(string pattern)
    {
        try
        {
            return Pcre2.Create(pattern, jit: true, utf8: true);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void Compare(string pattern, Pcre2.Regex regex, Pcre2.Regex? jit, DfaBuildResult result, string subject, int seed)
    {
        bool expected;
        bool? jitExpected;
        try
        {
            expected = regex.IsAnchoredMatch(subject);
            jitExpected = jit?.IsAnchoredMatch(subject);
        }
        catch (InvalidOperationException)
        {
            OracleErrors++;
            return;
        }

        Pairs++;
        var nfa = result.Nfa!.IsMatch(subject);
        var dfa = result.Dfa?.IsMatch(subject) ?? nfa;
        if (nfa == expected && dfa == expected && (jitExpected ?? expected) == expected)
        {
            return;
        }

        var jitText = jitExpected is { } j ? $", PCRE2 JIT {j}" : "";
        var failure = $"seed {seed}: pattern \"{Automaton.Escape(pattern)}\" subject \"{Automaton.Escape(subject)}\": PCRE2 {expected}{jitText}, DFA {dfa}, NFA {nfa}";
        Record(failure, pattern, subject, (jitExpected ?? expected) && expected, dfa && nfa);
    }

    /// <summary>
    /// The standard mix from one seed: every realistic pattern, mutations of them and random-grammar
    /// patterns, until <paramref name="targetPairs"/> pairs are compared or <paramref name="deadline"/> passes.
    /// </summary>
    public void RunMix(int seed, long targetPairs, Stopwatch clock, TimeSpan deadline, int subjectsPerPattern = 60, bool extended = false)
    {
        var random = new Random(seed);
        var round = 0;
        while (Pairs < targetPairs && clock.Elapsed < deadline)
        {
            string raw;
            var kind = round < PatternCorpus.Realistic.Length ? 0 : random.Next(3);
            if (kind == 0)
            {
                raw = PatternCorpus.Realistic[round % PatternCorpus.Realistic.Length];
            }
            else if (kind == 1)
            {
                raw = PatternCorpus.Realistic[random.Next(PatternCorpus.Realistic.Length)];
                var edits = random.Next(1, 4);
                for (var i = 0; i < edits; i++)
                {
                    raw = PatternCorpus.Mutate(raw, random);
                }
            }
            else
            {
                raw = PatternCorpus.Random(random, extended);
            }

            RunPattern(raw, random, kind == 0 ? subjectsPerPattern * 4 : subjectsPerPattern, seed);
            round++;

            // Every so often, a whole policy: a union of realistic, mutated and random patterns.
            if (round % 10 == 0)
            {
                var policy = new List<string>();
                var size = random.Next(2, 6);
                for (var i = 0; i < size; i++)
                {
                    var source = random.Next(3);
                    policy.Add(source == 0 ? PatternCorpus.Realistic[random.Next(PatternCorpus.Realistic.Length)]
                        : source == 1 ? PatternCorpus.Mutate(PatternCorpus.Realistic[random.Next(PatternCorpus.Realistic.Length)], random)
                        : PatternCorpus.Random(random, extended));
                }

                RunUnion(policy, random, subjectsPerPattern, seed);
            }
        }
    }

    public string Summary() =>
        $"{Patterns} patterns, {Pairs} pairs, {Disagreements} disagreements, {SkippedPatterns} patterns skipped, {DfaCapExceeded} over the DFA cap (NFA only), {OracleErrors} oracle errors, {KnownParserGaps} known parser gaps";
}
