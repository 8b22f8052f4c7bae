using System;
using System.Collections.Generic;
using CorsGen.Automata;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>How a regex matcher is written (see <see cref="MatcherLayout.FormOf"/>).</summary>
    internal enum MatcherForm
    {
        /// <summary>No subject matches, or every subject does: one <c>return</c>.</summary>
        Constant,

        /// <summary>A goto machine whose states switch on the character itself.</summary>
        Switch,

        /// <summary>A goto machine whose states switch on the character's byte class.</summary>
        ClassSwitch,

        /// <summary>A transition table walked in one loop.</summary>
        Table,

        /// <summary>Past the DFA state cap: tables for the runtime's linear-time NFA simulation.</summary>
        Nfa,
    }

    /// <summary>
    /// Everything decided about one regex matcher before any C# is written: its form (from the JIT's limits),
    /// the literal prefix checked first, and for the goto machines which states are written, in which order,
    /// which carry a label, which runs of one-character states collapse into one <c>StartsWith</c>, and each
    /// state's case groups; for tables the renumbered rows. <see cref="AutomatonEmitter"/> only writes it.
    /// </summary>
    internal sealed class MatcherLayout
    {
        /// <summary>
        /// Up to this many states a DFA is a goto machine whose states switch on the character itself, with
        /// ranges as case patterns: the fastest form while small (17 ns against 24 ns as a table for 24 states).
        /// </summary>
        public const int MaxSwitchStates = 64;

        /// <summary>
        /// The JIT gives up optimizing a method of more than 2,000 basic blocks (it compiles it with MinOpts:
        /// every local on the stack, no register allocation). The range-pattern machine of the 236-state DFA
        /// of the 100-pattern benchmark policy crossed that line and took 129 ns per origin. A class-switch
        /// machine needs two or three blocks per state plus one per target, so it is used up to this estimate,
        /// with room to spare; above it the DFA becomes a transition table, whose walk pays a load's latency
        /// per character but has no size limit.
        /// </summary>
        public const int MaxClassSwitchBlocks = 1600;

        /// <summary>
        /// The JIT also gives up past 60,000 bytes of IL. The estimate runs about 8% over the real size (44,976
        /// bytes for the 236-state DFA), so this keeps a margin.
        /// </summary>
        public const int MaxClassSwitchIlBytes = 52000;

        private MatcherLayout(MatcherForm form, string prefix, int first, IReadOnlyList<StateCode> states, bool testsEachChar, TableLayout? table)
        {
            Form = form;
            Prefix = prefix;
            First = first;
            States = states;
            TestsEachChar = testsEachChar;
            Table = table;
        }

        public MatcherForm Form { get; }

        /// <summary>Literal text every match starts with, checked by one <c>StartsWith</c> before the automaton runs.</summary>
        public string Prefix { get; }

        /// <summary>The DFA state after <see cref="Prefix"/>, where the machine starts.</summary>
        public int First { get; }

        /// <summary>The goto machines' states, in the order they are written, <see cref="First"/> first.</summary>
        public IReadOnlyList<StateCode> States { get; }

        /// <summary>
        /// A class-switch machine with a match state tests each char for 8 bits; without one every answer waits for
        /// the end of the subject, so a char beyond 8 bits is refused once, up front.
        /// </summary>
        public bool TestsEachChar { get; }

        /// <summary>The table form's rows.</summary>
        public TableLayout? Table { get; }

        public static MatcherLayout Plan(RegexMatcher matcher)
        {
            if (matcher.Dfa is not { } dfa)
            {
                return new MatcherLayout(MatcherForm.Nfa, "", -1, Array.Empty<StateCode>(), false, null);
            }

            if (dfa.IsEmpty || dfa.MatchesEverything)
            {
                return new MatcherLayout(MatcherForm.Constant, "", dfa.StartState, Array.Empty<StateCode>(), false, null);
            }

            var prefix = dfa.LiteralPrefix;
            var first = StateAfter(dfa, prefix);
            var form = FormOf(dfa);
            return form == MatcherForm.Table
                ? new MatcherLayout(form, prefix, first, Array.Empty<StateCode>(), false, TableLayout.Plan(dfa, first))
                : new MatcherLayout(form, prefix, first, PlanStates(dfa, first, byClass: form == MatcherForm.ClassSwitch), dfa.MatchState >= 0, null);
        }

        /// <summary>The form of a DFA's matcher, from its size and the JIT's limits.</summary>
        public static MatcherForm FormOf(Dfa dfa) =>
            dfa.IsEmpty || dfa.MatchesEverything ? MatcherForm.Constant
            : dfa.StateCount <= MaxSwitchStates ? MatcherForm.Switch
            : EstimateClassSwitch(dfa) is { Blocks: <= MaxClassSwitchBlocks, IlBytes: <= MaxClassSwitchIlBytes } ? MatcherForm.ClassSwitch
            : MatcherForm.Table;

        /// <summary>
        /// What the JIT will see of a class-switch machine, estimated from above: basic blocks (per state the
        /// end-of-subject test, the 8-bit test unless done up front, the switch and one block per distinct
        /// target) and IL bytes (the switch's jump table spans the state's smallest to largest case, 4 bytes an
        /// entry). States collapsed into a <c>StartsWith</c> cost less than this counts.
        /// </summary>
        internal static (int Blocks, int IlBytes) EstimateClassSwitch(Dfa dfa)
        {
            var testEachChar = dfa.MatchState >= 0;
            var blocks = 0;
            var ilBytes = 0;
            var targets = new HashSet<int>();
            for (var state = 0; state < dfa.StateCount; state++)
            {
                targets.Clear();
                var low = int.MaxValue;
                var high = -1;
                for (var cls = 0; cls < dfa.ClassCount; cls++)
                {
                    var target = dfa.Next(state, cls);
                    targets.Add(target);
                    if (target != dfa.DeadState)
                    {
                        low = Math.Min(low, cls);
                        high = Math.Max(high, cls);
                    }
                }

                blocks += (testEachChar ? 3 : 2) + targets.Count;
                ilBytes += (testEachChar ? 48 : 36) + (6 * targets.Count) + (high >= low ? 4 * (high - low + 1) : 0);
            }

            return (blocks, ilBytes);
        }

        /// <summary>The state a DFA is in after reading <paramref name="text"/> from its start.</summary>
        private static int StateAfter(Dfa dfa, string text)
        {
            var state = dfa.StartState;
            foreach (var c in text)
            {
                state = dfa.Next(state, dfa.ByteClasses[c]);
            }

            return state;
        }

        /// <summary>
        /// The states of a goto machine: those reachable from <paramref name="first"/> (first first, then in state
        /// order; the match and dead states are returns), less the ones a chain absorbs; a label only where a jump leads.
        /// </summary>
        private static IReadOnlyList<StateCode> PlanStates(Dfa dfa, int first, bool byClass)
        {
            var reachable = Reachable(dfa, first);
            var chains = Chains(dfa, first, reachable);
            var written = new List<int>();
            foreach (var state in reachable)
            {
                if (!chains.Absorbed.Contains(state))
                {
                    written.Add(state);
                }
            }

            // Every jump target among the written states needs a label (an unused label is a compiler warning). A run
            // whose state is written next falls through to it.
            var labelled = new HashSet<int>();
            for (var i = 0; i < written.Count; i++)
            {
                var state = written[i];
                if (chains.ByHead.TryGetValue(state, out var chain))
                {
                    if (i + 1 == written.Count || written[i + 1] != chain.Target)
                    {
                        labelled.Add(chain.Target);
                    }

                    continue;
                }

                for (var cls = 0; cls < dfa.ClassCount; cls++)
                {
                    labelled.Add(dfa.Next(state, cls));
                }
            }

            var states = new List<StateCode>();
            for (var i = 0; i < written.Count; i++)
            {
                var state = written[i];
                var isLabelled = labelled.Contains(state);
                if (chains.ByHead.TryGetValue(state, out var chain))
                {
                    var fallsThrough = i + 1 < written.Count && written[i + 1] == chain.Target;
                    states.Add(new StateCode(state, isLabelled, dfa.AcceptsAtEnd[state], chain.Text, fallsThrough ? -1 : chain.Target, Array.Empty<CaseGroup>(), dfa.DeadState));
                }
                else
                {
                    var (cases, fallback) = CaseGroups(dfa, state, byClass);
                    states.Add(new StateCode(state, isLabelled, dfa.AcceptsAtEnd[state], null, -1, cases, fallback));
                }
            }

            return states;
        }

        /// <summary>The states reachable from <paramref name="first"/>, in state order, the first one first; match and dead states are returns.</summary>
        private static List<int> Reachable(Dfa dfa, int first)
        {
            var seen = new bool[dfa.StateCount];
            var queue = new Queue<int>();
            seen[first] = true;
            queue.Enqueue(first);
            while (queue.Count > 0)
            {
                var state = queue.Dequeue();
                for (var cls = 0; cls < dfa.ClassCount; cls++)
                {
                    var next = dfa.Next(state, cls);
                    if (!seen[next])
                    {
                        seen[next] = true;
                        queue.Enqueue(next);
                    }
                }
            }

            var states = new List<int> { first };
            for (var state = 0; state < dfa.StateCount; state++)
            {
                if (seen[state] && state != first && state != dfa.MatchState && state != dfa.DeadState)
                {
                    states.Add(state);
                }
            }

            return states;
        }

        /// <summary>
        /// Runs of states that each let exactly one character through and do not accept at the end: the run
        /// <c>i n t e r n a l</c> is one <c>StartsWith("internal")</c> on the rest of the subject instead of eight
        /// states. A state joins the run before it only when that run is the one way into it, so it needs no
        /// label of its own; the state a run ends in is written as usual.
        /// </summary>
        private static (Dictionary<int, Chain> ByHead, HashSet<int> Absorbed) Chains(Dfa dfa, int first, List<int> states)
        {
            var single = new Dictionary<int, (char Char, int Target)>();
            var predecessors = new Dictionary<int, HashSet<int>>();
            foreach (var state in states)
            {
                if (SingleCharacter(dfa, state) is { } step)
                {
                    single[state] = step;
                }

                for (var cls = 0; cls < dfa.ClassCount; cls++)
                {
                    var target = dfa.Next(state, cls);
                    if (!predecessors.TryGetValue(target, out var from))
                    {
                        predecessors[target] = from = new HashSet<int>();
                    }

                    from.Add(state);
                }
            }

            // A state continues a run when its one way in is a single-character state leading to it.
            bool Continues(int state) =>
                state != first
                && single.ContainsKey(state)
                && predecessors.TryGetValue(state, out var from)
                && from.Count == 1
                && single.TryGetValue(OnlyItem(from), out var before)
                && before.Target == state;

            var byHead = new Dictionary<int, Chain>();
            var absorbed = new HashSet<int>();
            foreach (var head in states)
            {
                if (!single.TryGetValue(head, out var step) || Continues(head))
                {
                    continue;
                }

                var text = new System.Text.StringBuilder().Append(step.Char);
                var members = new List<int>();
                var next = step.Target;
                while (next != head && Continues(next) && !members.Contains(next))
                {
                    members.Add(next);
                    var link = single[next];
                    text.Append(link.Char);
                    next = link.Target;
                }

                if (text.Length >= 2)
                {
                    byHead[head] = new Chain(text.ToString(), next);
                    absorbed.UnionWith(members);
                }
            }

            return (byHead, absorbed);
        }

        /// <summary>The one character that leads out of the dead state's way from <paramref name="state"/>, when there is exactly one and the state does not accept at the end.</summary>
        private static (char Char, int Target)? SingleCharacter(Dfa dfa, int state)
        {
            if (dfa.AcceptsAtEnd[state] || state == dfa.MatchState || state == dfa.DeadState)
            {
                return null;
            }

            var only = -1;
            for (var b = 0; b < 256; b++)
            {
                if (dfa.Next(state, dfa.ByteClasses[b]) != dfa.DeadState)
                {
                    if (only >= 0)
                    {
                        return null;
                    }

                    only = b;
                }
            }

            return only < 0 ? null : ((char)only, dfa.Next(state, dfa.ByteClasses[only]));
        }

        private static int OnlyItem(HashSet<int> set)
        {
            foreach (var item in set)
            {
                return item;
            }

            throw new InvalidOperationException("empty set");
        }

        /// <summary>
        /// The bytes (or the classes) of <paramref name="state"/> grouped by the state they lead to, in target order,
        /// and the target a <c>switch</c> takes as its default: the dead state when it is one, else the one with the
        /// most symbols. The default's own symbols are not listed.
        /// </summary>
        private static (IReadOnlyList<CaseGroup> Cases, int Fallback) CaseGroups(Dfa dfa, int state, bool byClass)
        {
            var byTarget = new SortedDictionary<int, List<int>>();
            var symbols = byClass ? dfa.ClassCount : 256;
            for (var symbol = 0; symbol < symbols; symbol++)
            {
                var target = dfa.Next(state, byClass ? symbol : dfa.ByteClasses[symbol]);
                if (!byTarget.TryGetValue(target, out var group))
                {
                    byTarget[target] = group = new List<int>();
                }

                group.Add(symbol);
            }

            // The dead state as the default needs no 8-bit test (a char beyond 8 bits is dead too); making the larger
            // group the default instead measured 11-15% slower on 10 KB subjects (OriginMatchingBenchmarks).
            var fallback = dfa.DeadState >= 0 && byTarget.ContainsKey(dfa.DeadState) ? dfa.DeadState : MostSymbols(byTarget);
            var cases = new List<CaseGroup>();
            foreach (var pair in byTarget)
            {
                if (pair.Key != fallback)
                {
                    cases.Add(new CaseGroup(pair.Value, pair.Key));
                }
            }

            return (cases, fallback);
        }

        /// <summary>The target with the most symbols, so the <c>case</c> labels list the fewest.</summary>
        private static int MostSymbols(SortedDictionary<int, List<int>> byTarget)
        {
            var best = -1;
            var count = -1;
            foreach (var pair in byTarget)
            {
                if (pair.Value.Count > count)
                {
                    best = pair.Key;
                    count = pair.Value.Count;
                }
            }

            return best;
        }

        /// <summary>A run of single-character states: its characters and the state after it.</summary>
        private sealed record Chain(string Text, int Target);
    }

    /// <summary>One state of a goto machine as it is written.</summary>
    /// <param name="State">The DFA state.</param>
    /// <param name="Labelled">Some jump leads here, so the state's code carries the label <c>State{n}</c>.</param>
    /// <param name="AcceptsAtEnd">A subject that ends in this state matches.</param>
    /// <param name="Chain">Characters checked by one <c>StartsWith</c>, a run of single-character states; null for a <c>switch</c>.</param>
    /// <param name="ChainTarget">The state after <paramref name="Chain"/>, or -1 when that state is written next and the run falls through to it.</param>
    /// <param name="Cases">The <c>case</c> groups of the state's <c>switch</c>; empty when every symbol leads to <paramref name="Fallback"/>.</param>
    /// <param name="Fallback">Where the symbols of no case group lead: the <c>default</c>.</param>
    internal sealed record StateCode(int State, bool Labelled, bool AcceptsAtEnd, string? Chain, int ChainTarget, IReadOnlyList<CaseGroup> Cases, int Fallback);

    /// <summary>The symbols (bytes, or byte classes) of one <c>case</c> group, and the state they lead to.</summary>
    internal sealed record CaseGroup(IReadOnlyList<int> Symbols, int Target);

    /// <summary>
    /// A DFA as a transition table. Rows are renumbered so the dead and match states (whose answer is known) come
    /// first, and each entry holds the next state's row offset (state × classes), so a step is two loads and an add,
    /// and one comparison stops the walk.
    /// </summary>
    internal sealed class TableLayout
    {
        private TableLayout(int firstRow, int[] transitions, bool[] acceptsAtEnd, bool deadRow, bool matchRow)
        {
            FirstRow = firstRow;
            Transitions = transitions;
            AcceptsAtEnd = acceptsAtEnd;
            HasDeadRow = deadRow;
            HasMatchRow = matchRow;
        }

        /// <summary>The row offset the walk starts from.</summary>
        public int FirstRow { get; }

        /// <summary>Per row and class, the next row's offset.</summary>
        public int[] Transitions { get; }

        /// <summary>Per row, whether a subject that ends there matches.</summary>
        public bool[] AcceptsAtEnd { get; }

        /// <summary>Row 0 is the dead state.</summary>
        public bool HasDeadRow { get; }

        /// <summary>The match state's row follows the dead state's (or is row 0 without one).</summary>
        public bool HasMatchRow { get; }

        /// <summary>The entries fit 16 bits.</summary>
        public bool FitsUShort(int classCount) => (AcceptsAtEnd.Length - 1) * classCount <= ushort.MaxValue;

        public static TableLayout Plan(Dfa dfa, int first)
        {
            var classCount = dfa.ClassCount;
            var order = new List<int>();
            if (dfa.DeadState >= 0)
            {
                order.Add(dfa.DeadState);
            }

            if (dfa.MatchState >= 0)
            {
                order.Add(dfa.MatchState);
            }

            for (var state = 0; state < dfa.StateCount; state++)
            {
                if (state != dfa.DeadState && state != dfa.MatchState)
                {
                    order.Add(state);
                }
            }

            var row = new int[dfa.StateCount];
            for (var i = 0; i < order.Count; i++)
            {
                row[order[i]] = i * classCount;
            }

            var transitions = new int[order.Count * classCount];
            var acceptsAtEnd = new bool[order.Count];
            for (var i = 0; i < order.Count; i++)
            {
                acceptsAtEnd[i] = dfa.AcceptsAtEnd[order[i]];
                for (var cls = 0; cls < classCount; cls++)
                {
                    transitions[(i * classCount) + cls] = row[dfa.Next(order[i], cls)];
                }
            }

            return new TableLayout(row[first], transitions, acceptsAtEnd, dfa.DeadState >= 0, dfa.MatchState >= 0);
        }
    }
}
