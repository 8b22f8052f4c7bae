using System;
using System.Buffers;
using System.Linq;
using CorsGen.Automata;

namespace CorsGen.Runtime
{
    /// <summary>
    /// The fallback matcher of configured regex entries whose DFA would exceed the state cap (CORS011): the NFA simulated
    /// over the subject, one set of states per code unit, so linear in the subject's length, as the generated
    /// <c>MatchesNfa</c> runs it. The state sets live on the stack up to <see cref="MaxStackStates"/> states, else in the
    /// shared array pool: nothing is allocated per call (a pool can drop its arrays on a full GC; the stack cannot).
    /// </summary>
    internal sealed class RuntimeNfa
    {
        private readonly byte[] _classes;
        private readonly int _classCount;
        private readonly int[] _startStates;
        private readonly int[] _successorStarts;
        private readonly int[] _successors;
        private readonly bool[] _acceptsAtEnd;

        /// <summary>Up to this many states the three state sets (12 KB at most) are on the stack.</summary>
        private const int MaxStackStates = 1024;

        public RuntimeNfa(NfaTables tables)
        {
            _classes = tables.ByteClasses.AsImmutableArray().ToArray();
            _classCount = tables.ClassCount;
            _startStates = tables.StartStates.AsImmutableArray().ToArray();
            _successorStarts = tables.SuccessorStarts.AsImmutableArray().ToArray();
            _successors = tables.Successors.AsImmutableArray().ToArray();
            _acceptsAtEnd = tables.AcceptsAtEnd.AsImmutableArray().ToArray();
        }

        /// <summary>Whether the subject matches; state 0 is the absorbing accept (<see cref="NfaTables.MatchedState"/>).</summary>
        public bool IsMatch(ReadOnlySpan<char> subject)
        {
            var stateCount = _acceptsAtEnd.Length;
            int[]? rented = null;
            var sets = stateCount <= MaxStackStates
                ? stackalloc int[stateCount * 3]
                : (rented = ArrayPool<int>.Shared.Rent(stateCount * 3)).AsSpan(0, stateCount * 3);
            try
            {
                var current = sets.Slice(0, stateCount);
                var next = sets.Slice(stateCount, stateCount);
                var seen = sets.Slice(2 * stateCount, stateCount);
                seen.Clear();
                var count = 0;
                foreach (var state in _startStates)
                {
                    if (state == NfaTables.MatchedState)
                    {
                        return true;
                    }

                    current[count++] = state;
                }

                var step = 0;
                foreach (var c in subject)
                {
                    if (count == 0 || c > '\u00ff')
                    {
                        return false;
                    }

                    var cls = _classes[c];
                    var nextCount = 0;
                    step++;
                    for (var i = 0; i < count; i++)
                    {
                        var index = (current[i] * _classCount) + cls;
                        for (var j = _successorStarts[index]; j < _successorStarts[index + 1]; j++)
                        {
                            var target = _successors[j];
                            if (target == NfaTables.MatchedState)
                            {
                                return true;
                            }

                            if (seen[target] != step)
                            {
                                seen[target] = step;
                                next[nextCount++] = target;
                            }
                        }
                    }

                    var swap = current;
                    current = next;
                    next = swap;
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
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<int>.Shared.Return(rented);
                }
            }
        }
    }
}
