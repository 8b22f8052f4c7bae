using System;
using System.Collections.Immutable;

namespace CorsGen.Automata
{
    /// <summary>
    /// An epsilon-free NFA whose assertions are already resolved, over byte equivalence classes plus
    /// the end of input. Each state is a Thompson state that reads a byte (or the accept state) paired
    /// with a pending look-ahead obligation (see <see cref="Lookaround"/>). The end-of-input symbol is
    /// folded into <see cref="AcceptsAtEnd"/>: a state accepts at the end when its obligation allows
    /// the end. State <see cref="MatchedState"/> is the absorbing accept: once reached, the subject
    /// matches whatever follows (Kong's match is anchored at the start only).
    /// This is what subset construction determinizes, and what a fallback matcher simulates when the
    /// DFA would be too big.
    /// </summary>
    internal sealed class Nfa
    {
        /// <summary>The absorbing accept state; always state 0 (it may be unreachable).</summary>
        public const int MatchedState = 0;

        private readonly byte[] _byteClasses;
        private readonly int[] _start;
        private readonly int[] _successorSets;
        private readonly int[] _setStarts;
        private readonly int[] _setItems;
        private readonly bool[] _acceptsAtEnd;
        private readonly Func<int, string> _describe;

        internal Nfa(byte[] byteClasses, int classCount, int[] start, int[] successorSets, int[] setStarts, int[] setItems, bool[] acceptsAtEnd, Func<int, string> describe)
        {
            _byteClasses = byteClasses;
            ClassCount = classCount;
            _start = start;
            _successorSets = successorSets;
            _setStarts = setStarts;
            _setItems = setItems;
            _acceptsAtEnd = acceptsAtEnd;
            _describe = describe;
            ByteClasses = ImmutableArray.Create(byteClasses);
            StartStates = ImmutableArray.Create(start);
            AcceptsAtEnd = ImmutableArray.Create(acceptsAtEnd);
            var matched = new bool[acceptsAtEnd.Length];
            matched[MatchedState] = true;
            Matched = ImmutableArray.Create(matched);
        }

        /// <summary>Byte -> class, 256 entries.</summary>
        public ImmutableArray<byte> ByteClasses { get; }

        public int ClassCount { get; }

        public int StateCount => _acceptsAtEnd.Length;

        /// <summary>The states active before the first code unit (sorted).</summary>
        public ImmutableArray<int> StartStates { get; }

        /// <summary>Per state: absorbing accept (only <see cref="MatchedState"/>).</summary>
        public ImmutableArray<bool> Matched { get; }

        /// <summary>Per state: the subject matches if it ends while this state is active.</summary>
        public ImmutableArray<bool> AcceptsAtEnd { get; }

        /// <summary>The states reached from <paramref name="state"/> by reading a byte of class <paramref name="cls"/> (sorted).</summary>
        public ReadOnlySpan<int> Successors(int state, int cls) => SuccessorSet(SuccessorSetId(state, cls));

        /// <summary>Successor sets are interned: equal ids mean equal sets; id 0 is the empty set.</summary>
        internal int SuccessorSetId(int state, int cls) => _successorSets[(state * ClassCount) + cls];

        internal ReadOnlySpan<int> SuccessorSet(int setId) => new ReadOnlySpan<int>(_setItems, _setStarts[setId], _setStarts[setId + 1] - _setStarts[setId]);

        internal ReadOnlySpan<int> StartSpan => _start;

        internal bool AcceptsAtEndOf(int state) => _acceptsAtEnd[state];

        /// <summary>A debugging description of a state: its Thompson state and pending obligation.</summary>
        public string Describe(int state) => _describe(state);

        /// <summary>
        /// Reference simulation, linear in the subject: the set of active states, stepped per code unit.
        /// True as soon as <see cref="MatchedState"/> is active. A code unit above 255 rejects the
        /// subject unless a match was already complete before it.
        /// </summary>
        public bool IsMatch(ReadOnlySpan<char> subject)
        {
            var current = new int[StateCount];
            var next = new int[StateCount];
            var mark = new int[StateCount];
            var count = 0;
            foreach (var s in _start)
            {
                current[count++] = s;
            }

            if (count > 0 && current[0] == MatchedState)
            {
                return true;
            }

            var generation = 0;
            foreach (var ch in subject)
            {
                if (count == 0 || ch > 255)
                {
                    return false;
                }

                var cls = _byteClasses[ch];
                generation++;
                var nextCount = 0;
                for (var i = 0; i < count; i++)
                {
                    foreach (var target in Successors(current[i], cls))
                    {
                        if (target == MatchedState)
                        {
                            return true;
                        }

                        if (mark[target] != generation)
                        {
                            mark[target] = generation;
                            next[nextCount++] = target;
                        }
                    }
                }

                (current, next) = (next, current);
                count = nextCount;
            }

            for (var i = 0; i < count; i++)
            {
                if (_acceptsAtEnd[current[i]])
                {
                    return true;
                }
            }

            return false;
        }
    }
}
