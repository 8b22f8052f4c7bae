using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// The outcome of <see cref="DfaBuilder.Build(System.Collections.Generic.IReadOnlyList{RegexNode}, int, int)"/>:
    /// the minimized <see cref="Dfa"/>, or why there is none. The <see cref="Nfa"/> is there whenever
    /// it could be built, so a caller can fall back to simulating it when the DFA is too big.
    /// </summary>
    internal sealed class DfaBuildResult
    {
        internal DfaBuildResult(AutomatonBuildStatus status, Dfa? dfa, Nfa? nfa, UnsupportedNode? unsupported, int patternIndex, string message)
        {
            Status = status;
            Dfa = dfa;
            Nfa = nfa;
            Unsupported = unsupported;
            PatternIndex = patternIndex;
            Message = message;
        }

        public AutomatonBuildStatus Status { get; }

        public bool Success => Status == AutomatonBuildStatus.Success;

        public bool StateCapExceeded => Status == AutomatonBuildStatus.DfaStateCapExceeded;

        public Dfa? Dfa { get; }

        public Nfa? Nfa { get; }

        public UnsupportedNode? Unsupported { get; }

        /// <summary>The index of the pattern that caused the failure, or -1.</summary>
        public int PatternIndex { get; }

        public string Message { get; }
    }
}
