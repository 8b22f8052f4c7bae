using System.Collections.Generic;
using CorsGen.Model;

namespace CorsGen.Automata
{
    /// <summary>
    /// An <see cref="Nfa"/> flattened into value-comparable tables, for the generator's model and for the
    /// emitted fallback matcher (used when the DFA would exceed its state cap): byte classes, start states,
    /// and per (state, class) a slice of a successor list.
    /// </summary>
    /// <param name="ByteClasses">Byte -> class, 256 entries.</param>
    /// <param name="ClassCount">The number of classes.</param>
    /// <param name="StartStates">The states active before the first code unit.</param>
    /// <param name="SuccessorStarts"><c>[state * ClassCount + class]</c> -> index in <paramref name="Successors"/>; one more entry marks the end.</param>
    /// <param name="Successors">The successor lists, back to back.</param>
    /// <param name="AcceptsAtEnd">Per state: the subject matches if it ends while the state is active.</param>
    internal sealed record NfaTables(
        EquatableArray<byte> ByteClasses,
        int ClassCount,
        EquatableArray<int> StartStates,
        EquatableArray<int> SuccessorStarts,
        EquatableArray<int> Successors,
        EquatableArray<bool> AcceptsAtEnd)
    {
        /// <summary>State 0 is the absorbing accept (see <see cref="Nfa.MatchedState"/>).</summary>
        public const int MatchedState = Nfa.MatchedState;

        public int StateCount => AcceptsAtEnd.Count;

        public static NfaTables From(Nfa nfa)
        {
            var starts = new List<int>(nfa.StateCount * nfa.ClassCount + 1);
            var successors = new List<int>();
            for (var state = 0; state < nfa.StateCount; state++)
            {
                for (var cls = 0; cls < nfa.ClassCount; cls++)
                {
                    starts.Add(successors.Count);
                    foreach (var target in nfa.Successors(state, cls))
                    {
                        successors.Add(target);
                    }
                }
            }

            starts.Add(successors.Count);
            return new NfaTables(
                nfa.ByteClasses.ToEquatableArray(),
                nfa.ClassCount,
                nfa.StartStates.ToEquatableArray(),
                EquatableArray.From(starts),
                EquatableArray.From(successors),
                nfa.AcceptsAtEnd.ToEquatableArray());
        }

        /// <summary>Reference simulation of the tables, as the emitted fallback runs it (for tests).</summary>
        public bool IsMatch(System.ReadOnlySpan<char> subject)
        {
            var current = new HashSet<int>(StartStates);
            if (current.Contains(MatchedState))
            {
                return true;
            }

            foreach (var c in subject)
            {
                if (c > 255 || current.Count == 0)
                {
                    return false;
                }

                var cls = ByteClasses[c];
                var next = new HashSet<int>();
                foreach (var state in current)
                {
                    var index = (state * ClassCount) + cls;
                    for (var i = SuccessorStarts[index]; i < SuccessorStarts[index + 1]; i++)
                    {
                        next.Add(Successors[i]);
                    }
                }

                if (next.Contains(MatchedState))
                {
                    return true;
                }

                current = next;
            }

            foreach (var state in current)
            {
                if (AcceptsAtEnd[state])
                {
                    return true;
                }
            }

            return false;
        }
    }
}
