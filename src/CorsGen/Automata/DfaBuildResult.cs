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
        private readonly System.Lazy<Nfa?> _nfa;

        internal DfaBuildResult(AutomatonBuildStatus status, Dfa? dfa, Nfa? nfa, UnsupportedNode? unsupported, int patternIndex, string message)
            : this(status, dfa, new System.Lazy<Nfa?>(() => nfa), unsupported, patternIndex, message)
        {
        }

        internal DfaBuildResult(AutomatonBuildStatus status, Dfa? dfa, System.Lazy<Nfa?> nfa, UnsupportedNode? unsupported, int patternIndex, string message)
        {
            Status = status;
            Dfa = dfa;
            _nfa = nfa;
            Unsupported = unsupported;
            PatternIndex = patternIndex;
            Message = message;
        }

        public AutomatonBuildStatus Status { get; }

        public bool Success => Status == AutomatonBuildStatus.Success;

        public bool StateCapExceeded => Status == AutomatonBuildStatus.DfaStateCapExceeded;

        public Dfa? Dfa { get; }

        /// <summary>
        /// The NFA of the union, built on first use when the DFA came from per-pattern DFAs (null only when
        /// a pattern could not be compiled, or the union NFA itself would exceed the NFA state cap).
        /// </summary>
        public Nfa? Nfa => _nfa.Value;

        public UnsupportedNode? Unsupported { get; }

        /// <summary>The index of the pattern that caused the failure, or -1.</summary>
        public int PatternIndex { get; }

        public string Message { get; }
    }
}
