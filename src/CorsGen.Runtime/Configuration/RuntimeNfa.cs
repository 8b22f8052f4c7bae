using System;
using System.Linq;
using CorsGen.Automata;

namespace CorsGen.Runtime
{
    /// <summary>
    /// The fallback matcher of configured regex entries whose DFA would exceed the state cap (CORS011): their NFA's tables,
    /// simulated by <see cref="KongCorsRules.MatchesNfa"/>, the one simulation the generated matchers run too.
    /// </summary>
    internal sealed class RuntimeNfa
    {
        private readonly byte[] _classes;
        private readonly int _classCount;
        private readonly int[] _startStates;
        private readonly int[] _successorStarts;
        private readonly int[] _successors;
        private readonly bool[] _acceptsAtEnd;

        public RuntimeNfa(NfaTables tables)
        {
            _classes = tables.ByteClasses.AsImmutableArray().ToArray();
            _classCount = tables.ClassCount;
            _startStates = tables.StartStates.AsImmutableArray().ToArray();
            _successorStarts = tables.SuccessorStarts.AsImmutableArray().ToArray();
            _successors = tables.Successors.AsImmutableArray().ToArray();
            _acceptsAtEnd = tables.AcceptsAtEnd.AsImmutableArray().ToArray();
        }

        /// <summary>Whether the subject matches, by the same simulation as the generated matchers' (state 0 accepts, <see cref="NfaTables.MatchedState"/>).</summary>
        public bool IsMatch(ReadOnlySpan<char> subject) =>
            KongCorsRules.MatchesNfa(subject, _classes, _classCount, _startStates, _successorStarts, _successors, _acceptsAtEnd);
    }
}
