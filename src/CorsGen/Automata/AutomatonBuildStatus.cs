namespace CorsGen.Automata
{
    /// <summary>Why an automaton was or was not built. Failures are results, never exceptions.</summary>
    internal enum AutomatonBuildStatus
    {
        Success,

        /// <summary>A pattern contains an <see cref="CorsGen.Pcre.UnsupportedNode"/>; no automaton can be exact.</summary>
        UnsupportedConstruct,

        /// <summary>The NFA (mostly from <c>{n,m}</c> expansion) would exceed its state cap.</summary>
        NfaStateCapExceeded,

        /// <summary>Subset construction would exceed the DFA state cap; the NFA is still available for simulation.</summary>
        DfaStateCapExceeded,
    }
}
