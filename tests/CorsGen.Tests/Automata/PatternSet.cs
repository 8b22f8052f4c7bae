using System.Collections.Immutable;
using CorsGen.Automata;
using CorsGen.Pcre;

namespace CorsGen.Tests.Automata;

/// <summary>
/// Per-pattern automata, for tests that need to know which patterns of a policy match a subject (the
/// product only needs the union DFA). Each pattern gets its own DFA, or its NFA when the DFA would be
/// over the cap.
/// </summary>
internal sealed class PatternSet
{
    private readonly ImmutableArray<DfaBuildResult> _results;

    private PatternSet(ImmutableArray<DfaBuildResult> results)
    {
        _results = results;
    }

    /// <summary>One build result per pattern, in order.</summary>
    public ImmutableArray<DfaBuildResult> Results => _results;

    public static PatternSet Build(IReadOnlyList<RegexNode> patterns, int maxStates = DfaBuilder.DefaultMaxStates)
    {
        var results = ImmutableArray.CreateBuilder<DfaBuildResult>(patterns.Count);
        foreach (var pattern in patterns)
        {
            results.Add(DfaBuilder.Build(pattern, maxStates));
        }

        return new PatternSet(results.MoveToImmutable());
    }

    /// <summary>The indices of the patterns that match <paramref name="subject"/> (patterns that could not be built never match).</summary>
    public ImmutableArray<int> MatchingPatterns(ReadOnlySpan<char> subject)
    {
        var matching = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < _results.Length; i++)
        {
            var result = _results[i];
            var matches = result.Dfa != null ? result.Dfa.IsMatch(subject) : result.Nfa != null && result.Nfa.IsMatch(subject);
            if (matches)
            {
                matching.Add(i);
            }
        }

        return matching.ToImmutable();
    }
}
