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

        RegexNode? root;
        try
        {
            root = _parse(pattern);
        }
        catch (FormatException)
        {
            root = null;
        }

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
        var generator = new SubjectGenerator(random, result.Dfa, pattern);
        for (var i = 0; i < subjects; i++)
        {
            Compare(pattern, regex, result, generator.Next(), seed);
        }

        // The shortest match is a fact the emitter and diagnostics rely on: it must match.
        if (result.Dfa?.ShortestMatch is { } shortest)
        {
            Compare(pattern, regex, result, shortest, seed);
        }
    }

    private void Compare(string pattern, Pcre2.Regex regex, DfaBuildResult result, string subject, int seed)
    {
        bool expected;
        try
        {
            expected = regex.IsAnchoredMatch(subject);
        }
        catch (InvalidOperationException)
        {
            OracleErrors++;
            return;
        }

        Pairs++;
        var nfa = result.Nfa!.IsMatch(subject);
        var dfa = result.Dfa?.IsMatch(subject) ?? nfa;
        if (nfa == expected && dfa == expected)
        {
            return;
        }

        Disagreements++;
        if (Failures.Count < 20)
        {
            Failures.Add($"seed {seed}: pattern \"{Automaton.Escape(pattern)}\" subject \"{Automaton.Escape(subject)}\": PCRE2 {expected}, DFA {dfa}, NFA {nfa}");
        }
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
        }
    }

    public string Summary() =>
        $"{Patterns} patterns, {Pairs} pairs, {Disagreements} disagreements, {SkippedPatterns} patterns skipped, {DfaCapExceeded} over the DFA cap (NFA only), {OracleErrors} oracle errors";
}
