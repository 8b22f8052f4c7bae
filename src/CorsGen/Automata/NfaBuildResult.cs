using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>The outcome of <see cref="NfaBuilder.Build(System.Collections.Generic.IReadOnlyList{RegexNode}, int)"/>.</summary>
    internal sealed class NfaBuildResult
    {
        internal NfaBuildResult(AutomatonBuildStatus status, Nfa? nfa, UnsupportedNode? unsupported, int patternIndex, string message)
        {
            Status = status;
            Nfa = nfa;
            Unsupported = unsupported;
            PatternIndex = patternIndex;
            Message = message;
        }

        public AutomatonBuildStatus Status { get; }

        public bool Success => Status == AutomatonBuildStatus.Success;

        /// <summary>The NFA when <see cref="Success"/>.</summary>
        public Nfa? Nfa { get; }

        /// <summary>The first unsupported construct found, for <see cref="AutomatonBuildStatus.UnsupportedConstruct"/>.</summary>
        public UnsupportedNode? Unsupported { get; }

        /// <summary>The index of the pattern that caused the failure, or -1.</summary>
        public int PatternIndex { get; }

        /// <summary>Why it failed, for diagnostics; empty on success.</summary>
        public string Message { get; }
    }
}
