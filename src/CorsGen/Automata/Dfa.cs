using System;
using System.Collections.Immutable;
using System.Text;

namespace CorsGen.Automata
{
    /// <summary>
    /// A minimized DFA deciding Kong's match (anchored at the start, not at the end) over code units
    /// 0..255, canonically numbered so that equal languages give equal tables. Immutable and compared
    /// by value (the generator's incremental cache compares it). Matching: for each code unit, step;
    /// reaching <see cref="MatchState"/> means a match whatever follows, reaching <see cref="DeadState"/>
    /// means none; at the end, <see cref="AcceptsAtEnd"/> of the current state decides.
    /// </summary>
    internal sealed class Dfa : IEquatable<Dfa>
    {
        private readonly int _hash;
        private string? _literalPrefix;

        internal Dfa(int stateCount, int startState, int matchState, int deadState, byte[] byteClasses, int classCount, int[] transitions, bool[] acceptsAtEnd)
        {
            StateCount = stateCount;
            StartState = startState;
            MatchState = matchState;
            DeadState = deadState;
            ByteClasses = ImmutableArray.Create(byteClasses);
            ClassCount = classCount;
            Transitions = ImmutableArray.Create(transitions);
            AcceptsAtEnd = ImmutableArray.Create(acceptsAtEnd);
            unchecked
            {
                var h = (stateCount * 397) ^ (classCount * 31) ^ (matchState * 7) ^ deadState;
                foreach (var b in byteClasses)
                {
                    h = (h * 31) + b;
                }

                foreach (var t in transitions)
                {
                    h = (h * 31) + t;
                }

                foreach (var a in acceptsAtEnd)
                {
                    h = (h * 3) + (a ? 1 : 0);
                }

                _hash = h;
            }
        }

        public int StateCount { get; }

        /// <summary>Always 0 (canonical numbering starts from it).</summary>
        public int StartState { get; }

        /// <summary>The single absorbing accept state, or -1 when no subject reaches it.</summary>
        public int MatchState { get; }

        /// <summary>The single absorbing reject state, or -1 when there is none.</summary>
        public int DeadState { get; }

        /// <summary>Byte -> class, 256 entries; classes are numbered by their smallest byte.</summary>
        public ImmutableArray<byte> ByteClasses { get; }

        public int ClassCount { get; }

        /// <summary><c>[state * ClassCount + class]</c> -> next state.</summary>
        public ImmutableArray<int> Transitions { get; }

        /// <summary>Per state: the subject matches if it ends in this state.</summary>
        public ImmutableArray<bool> AcceptsAtEnd { get; }

        /// <summary>True when no subject matches.</summary>
        public bool IsEmpty => StartState == DeadState;

        /// <summary>True when every subject matches.</summary>
        public bool MatchesEverything => StartState == MatchState;

        public int Next(int state, int cls) => Transitions[(state * ClassCount) + cls];

        /// <summary>
        /// Kong's match. A code unit above 255 rejects the subject unless a match was already complete
        /// before it (the generated matcher only ever sees validated ASCII).
        /// </summary>
        public bool IsMatch(ReadOnlySpan<char> subject)
        {
            var state = StartState;
            if (state == MatchState)
            {
                return true;
            }

            if (state == DeadState)
            {
                return false;
            }

            var k = ClassCount;
            var transitions = Transitions;
            var classes = ByteClasses;
            foreach (var ch in subject)
            {
                if (ch > 255)
                {
                    return false;
                }

                state = transitions[(state * k) + classes[ch]];
                if (state == MatchState)
                {
                    return true;
                }

                if (state == DeadState)
                {
                    return false;
                }
            }

            return AcceptsAtEnd[state];
        }

        /// <summary>
        /// The literal every matching subject starts with ("" if none): followed from the start while a
        /// state does not accept and has exactly one live class, made of one byte. Chars are code units 0..255.
        /// </summary>
        public string LiteralPrefix => _literalPrefix ??= ComputeLiteralPrefix();

        private string ComputeLiteralPrefix()
        {
            var builder = new StringBuilder();
            var state = StartState;
            for (var steps = 0; steps < StateCount && state != DeadState && !AcceptsAtEnd[state]; steps++)
            {
                var live = -1;
                for (var c = 0; c < ClassCount; c++)
                {
                    if (Next(state, c) == DeadState)
                    {
                        continue;
                    }

                    if (live >= 0)
                    {
                        return builder.ToString();
                    }

                    live = c;
                }

                var only = -1;
                for (var b = 0; b < 256; b++)
                {
                    if (ByteClasses[b] == live)
                    {
                        if (only >= 0)
                        {
                            return builder.ToString();
                        }

                        only = b;
                    }
                }

                if (only < 0)
                {
                    break;
                }

                builder.Append((char)only);
                state = Next(state, live);
            }

            return builder.ToString();
        }

        public bool Equals(Dfa? other)
        {
            if (other is null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            return _hash == other._hash
                && StateCount == other.StateCount
                && StartState == other.StartState
                && MatchState == other.MatchState
                && DeadState == other.DeadState
                && ClassCount == other.ClassCount
                && ByteClasses.AsSpan().SequenceEqual(other.ByteClasses.AsSpan())
                && Transitions.AsSpan().SequenceEqual(other.Transitions.AsSpan())
                && AcceptsAtEnd.AsSpan().SequenceEqual(other.AcceptsAtEnd.AsSpan());
        }

        public override bool Equals(object? obj) => Equals(obj as Dfa);

        public override int GetHashCode() => _hash;

        public override string ToString() => $"Dfa({StateCount} states, {ClassCount} classes, start {StartState}, match {MatchState}, dead {DeadState})";
    }
}
