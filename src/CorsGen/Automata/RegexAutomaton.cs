using System.Collections.Generic;
using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// The one automaton of a set of regex entries, as the generator and the startup compiler (CorsGen.Runtime) both build
    /// it: the minimized DFA; past the DFA state cap, the NFA, simulated in linear time; when the NFA itself is over its cap,
    /// neither, and the index of the entry that caused it.
    /// </summary>
    internal readonly struct RegexAutomaton
    {
        private RegexAutomaton(Dfa? dfa, NfaTables? nfa, int culprit)
        {
            Dfa = dfa;
            Nfa = nfa;
            Culprit = culprit;
        }

        /// <summary>The minimized DFA, or null past its state cap.</summary>
        public Dfa? Dfa { get; }

        /// <summary>The NFA when the DFA would exceed its state cap (CORS011), else null.</summary>
        public NfaTables? Nfa { get; }

        /// <summary>When there is neither: the index of the entry too large to compile (CORS002); -1 otherwise.</summary>
        public int Culprit { get; }

        public static RegexAutomaton Build(IReadOnlyList<RegexNode> trees)
        {
            var built = DfaBuilder.Build(trees);
            if (built.Dfa is { } dfa)
            {
                return new RegexAutomaton(dfa, null, -1);
            }

            if (built.StateCapExceeded && built.Nfa is { } nfa)
            {
                return new RegexAutomaton(null, NfaTables.From(nfa), -1);
            }

            return new RegexAutomaton(null, null, built.PatternIndex >= 0 && built.PatternIndex < trees.Count ? built.PatternIndex : 0);
        }
    }
}
