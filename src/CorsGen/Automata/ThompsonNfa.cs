using System.Collections.Generic;
using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// A Thompson NFA: each state is the accept state, an epsilon split to one or two states, a
    /// byte-set edge to one state, or a zero-width assertion edge to one state. Built from the AST by
    /// <see cref="ThompsonBuilder"/>; turned into the epsilon-free <see cref="Nfa"/> by <see cref="NfaBuilder"/>.
    /// </summary>
    internal sealed class ThompsonNfa
    {
        public enum StateKind : byte
        {
            Accept,
            Split,
            Byte,
            Assert,
        }

        private readonly List<StateKind> _kinds = new List<StateKind>();
        private readonly List<int> _next1 = new List<int>();
        private readonly List<int> _next2 = new List<int>();
        private readonly List<ByteSet> _sets = new List<ByteSet>();
        private readonly List<AssertionKind> _assertions = new List<AssertionKind>();

        public ThompsonNfa()
        {
            AcceptState = Add(StateKind.Accept, -1, -1, default, default);
        }

        public int Count => _kinds.Count;

        public int AcceptState { get; }

        public int StartState { get; set; } = -1;

        /// <summary>Assertion kinds present, as a bit mask over <see cref="AssertionKind"/>.</summary>
        public int AssertionMask { get; private set; }

        public StateKind Kind(int state) => _kinds[state];

        public int Next1(int state) => _next1[state];

        public int Next2(int state) => _next2[state];

        public ByteSet Set(int state) => _sets[state];

        public AssertionKind Assertion(int state) => _assertions[state];

        public int AddByte(ByteSet set, int next) => Add(StateKind.Byte, next, -1, set, default);

        public int AddSplit(int next1, int next2) => Add(StateKind.Split, next1, next2, default, default);

        public int AddAssert(AssertionKind kind, int next)
        {
            AssertionMask |= 1 << (int)kind;
            return Add(StateKind.Assert, next, -1, default, kind);
        }

        public void SetSplitTargets(int state, int next1, int next2)
        {
            _next1[state] = next1;
            _next2[state] = next2;
        }

        private int Add(StateKind kind, int next1, int next2, ByteSet set, AssertionKind assertion)
        {
            _kinds.Add(kind);
            _next1.Add(next1);
            _next2.Add(next2);
            _sets.Add(set);
            _assertions.Add(assertion);
            return _kinds.Count - 1;
        }
    }
}
