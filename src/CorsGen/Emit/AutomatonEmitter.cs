using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CorsGen.Automata;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes a <see cref="RegexMatcher"/> as a C# method over <c>ReadOnlySpan&lt;char&gt;</c>: a DFA as a
    /// state machine (one label and one <c>switch</c> per state, on the character up to
    /// <see cref="MaxSwitchStates"/> states, on its byte class while the method stays under the JIT's
    /// limits) or as lookup tables above that, or, past the DFA state cap, tables for the runtime's
    /// linear-time NFA simulation. No Regex, no allocation, one pass over the subject.
    /// </summary>
    internal static partial class AutomatonEmitter
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
        /// machine (<see cref="WriteClassSwitchDfa"/>) needs two or three blocks per state plus one per target,
        /// so it is used up to this estimate, with room to spare; above it the DFA becomes a transition table,
        /// whose walk pays a load's latency per character but has no size limit.
        /// </summary>
        public const int MaxClassSwitchBlocks = 1600;

        /// <summary>
        /// The JIT also gives up past 60,000 bytes of IL. The estimate runs about 8% over the real size (44,976
        /// bytes for the 236-state DFA), so this keeps a margin.
        /// </summary>
        public const int MaxClassSwitchIlBytes = 52000;

        /// <summary>How a DFA is written: see <see cref="MaxSwitchStates"/> and <see cref="MaxClassSwitchBlocks"/>.</summary>
        public enum DfaForm
        {
            Switch,
            ClassSwitch,
            Table,
        }

        public static DfaForm FormOf(Dfa dfa) =>
            dfa.StateCount <= MaxSwitchStates ? DfaForm.Switch
            : EstimateClassSwitch(dfa) is { Blocks: <= MaxClassSwitchBlocks, IlBytes: <= MaxClassSwitchIlBytes } ? DfaForm.ClassSwitch
            : DfaForm.Table;

        /// <summary>
        /// What the JIT will see of a class-switch machine, estimated from above: basic blocks (per state the
        /// end-of-subject test, the 8-bit test unless done up front, the switch and one block per distinct
        /// target) and IL bytes (the switch's jump table spans the state's smallest to largest case, 4 bytes an
        /// entry).
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
                        low = System.Math.Min(low, cls);
                        high = System.Math.Max(high, cls);
                    }
                }

                blocks += (testEachChar ? 3 : 2) + targets.Count;
                ilBytes += (testEachChar ? 48 : 36) + (6 * targets.Count) + (high >= low ? 4 * (high - low + 1) : 0);
            }

            return (blocks, ilBytes);
        }

        public static void Write(SourceWriter writer, string methodName, string subject, RegexMatcher matcher)
        {
            writer.Line("/// <summary>");
            writer.Line($"/// O6: whether {subject} matches one of these entries as Kong's PCRE2 matches them (anchored at the start;");
            writer.Line("/// <c>$</c> also before one final newline), decided in one pass by " + Describe(matcher) + ":");
            writer.Line("/// <code>");
            foreach (var pattern in matcher.Patterns)
            {
                writer.Line("/// " + SourceWriter.XmlDoc(pattern));
            }

            writer.Line("/// </code>");
            writer.Line("/// </summary>");
            if (matcher.Dfa is { } dfa)
            {
                switch (FormOf(dfa))
                {
                    case DfaForm.Switch:
                        WriteSwitchDfa(writer, methodName, matcher, dfa);
                        break;
                    case DfaForm.ClassSwitch:
                        WriteClassSwitchDfa(writer, methodName, matcher, dfa);
                        break;
                    default:
                        WriteTableDfa(writer, methodName, matcher, dfa);
                        break;
                }
            }
            else
            {
                WriteNfa(writer, methodName, matcher);
            }
        }

        /// <summary>
        /// The quick rejection: when every match ends with the same literal text (before an optional final
        /// newline), a subject that does not is refused by one comparison, before any automaton runs.
        /// </summary>
        private static void WriteSuffixCheck(SourceWriter writer, RegexMatcher matcher)
        {
            if (matcher.RequiredSuffix.Length < 2 || matcher.Dfa is { IsEmpty: true } or { MatchesEverything: true })
            {
                return;
            }

            var suffix = SourceWriter.Literal(matcher.RequiredSuffix);
            writer.Line($"// Every match ends with {suffix}{(matcher.SuffixBeforeFinalNewline ? " (a final newline aside)" : "")}: one comparison rejects most other subjects.");
            if (matcher.SuffixBeforeFinalNewline)
            {
                writer.Line($"if (!subject.EndsWith({suffix})");
                writer.Indent().Line($"&& !(subject.Length > 0 && subject[subject.Length - 1] == '\\n' && subject.Slice(0, subject.Length - 1).EndsWith({suffix})))").Outdent();
            }
            else
            {
                writer.Line($"if (!subject.EndsWith({suffix}))");
            }

            writer.Line("{");
            writer.Indent().Line("return false;").Outdent();
            writer.Line("}");
            writer.Line();
        }

        /// <summary>
        /// The quick start: when every match starts with the same literal text, one comparison replaces the
        /// automaton's first <paramref name="prefix"/>.Length steps, and the machine starts after it.
        /// </summary>
        /// <param name="unit">What the comparison replaces, in the form's words: "states" or "steps".</param>
        private static void WritePrefixCheck(SourceWriter writer, string prefix, string unit)
        {
            if (prefix.Length == 0)
            {
                return;
            }

            writer.Line($"// Every match starts with {SourceWriter.Literal(prefix)}: one comparison instead of {prefix.Length} {unit}.");
            writer.Line($"if (!subject.StartsWith({SourceWriter.Literal(prefix)}))");
            writer.Line("{");
            writer.Indent().Line("return false;").Outdent();
            writer.Line("}");
            writer.Line();
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

        private static string Describe(RegexMatcher matcher) => matcher.Dfa is { } dfa
            ? $"one minimized DFA of {dfa.StateCount} states"
            : $"an NFA of {matcher.Nfa!.StateCount} states (the DFA would exceed {DfaBuilder.DefaultMaxStates} states: CORS011)";

        private static void WriteSwitchDfa(SourceWriter writer, string methodName, RegexMatcher matcher, Dfa dfa)
        {
            writer.Open($"private static bool {methodName}(ReadOnlySpan<char> subject)");
            WriteSuffixCheck(writer, matcher);
            if (dfa.IsEmpty)
            {
                writer.Line("// No subject can match these entries.");
                writer.Line("return false;");
                writer.Close();
                return;
            }

            if (dfa.MatchesEverything)
            {
                writer.Line("// Every subject matches these entries.");
                writer.Line("return true;");
                writer.Close();
                return;
            }

            var prefix = dfa.LiteralPrefix;
            var first = StateAfter(dfa, prefix);
            WritePrefixCheck(writer, prefix, "states");
            writer.Line($"var i = {prefix.Length};");

            // The first state's code comes first; a label is written only where a goto leads (an unused label is a warning).
            var states = Reachable(dfa, first);
            var targets = Targets(dfa, states);

            writer.Outdent();
            foreach (var state in states)
            {
                writer.Line();
                if (targets.Contains(state))
                {
                    writer.Line($"State{state}:");
                }

                writer.Indent();
                writer.Line("if (i == subject.Length)");
                writer.Line("{");
                writer.Indent().Line(dfa.AcceptsAtEnd[state] ? "return true;" : "return false;").Outdent();
                writer.Line("}");
                writer.Line();
                writer.Line("switch (subject[i++])");
                writer.Line("{");
                writer.Indent();
                WriteCases(writer, dfa, state);
                writer.Outdent();
                writer.Line("}");
                writer.Outdent();
            }

            writer.Indent();
            writer.Close();
        }

        /// <summary>One <c>case</c> per target state (its bytes as ranges); the most common target, usually the dead state, is the default.</summary>
        private static void WriteCases(SourceWriter writer, Dfa dfa, int state)
        {
            var (byTarget, fallback) = GroupByTarget(dfa, state, byClass: false);
            foreach (var pair in byTarget)
            {
                if (pair.Key == fallback)
                {
                    continue;
                }

                writer.Line($"case {Pattern(pair.Value)}:");
                writer.Indent().Line(Jump(dfa, pair.Key)).Outdent();
            }

            writer.Line("default:");
            writer.Indent();
            if (fallback != dfa.DeadState)
            {
                writer.Line("if (subject[i - 1] > '\\u00ff')");
                writer.Line("{");
                writer.Indent().Line("// Beyond the 8-bit alphabet PCRE2 sees (never in a D4-valid origin).").Line("return false;").Outdent();
                writer.Line("}");
                writer.Line();
            }

            writer.Line(Jump(dfa, fallback));
            writer.Outdent();
        }

        /// <summary>
        /// The bytes (or the classes) of <paramref name="state"/> grouped by the state they lead to, and the target
        /// a <c>switch</c> takes as its default: the dead state when it is one, else the one with the most symbols.
        /// </summary>
        private static (SortedDictionary<int, List<int>> ByTarget, int Fallback) GroupByTarget(Dfa dfa, int state, bool byClass)
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

            var fallback = dfa.DeadState >= 0 && byTarget.ContainsKey(dfa.DeadState) ? dfa.DeadState : MostBytes(byTarget);
            return (byTarget, fallback);
        }

        private static int MostBytes(SortedDictionary<int, List<int>> byTarget)
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

        private static string Jump(Dfa dfa, int target) =>
            target == dfa.MatchState ? "return true;" : target == dfa.DeadState ? "return false;" : $"goto State{target};";

        /// <summary>The states some transition of <paramref name="states"/> leads to: the ones whose code needs a label.</summary>
        private static HashSet<int> Targets(Dfa dfa, List<int> states)
        {
            var targets = new HashSet<int>();
            foreach (var state in states)
            {
                for (var cls = 0; cls < dfa.ClassCount; cls++)
                {
                    targets.Add(dfa.Next(state, cls));
                }
            }

            return targets;
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

        /// <summary>A case pattern for a set of bytes: <c>'a'</c>, <c>&gt;= 'a' and &lt;= 'z'</c>, joined with <c>or</c>.</summary>
        private static string Pattern(List<int> bytes)
        {
            var parts = new List<string>();
            var i = 0;
            while (i < bytes.Count)
            {
                var start = bytes[i];
                var end = start;
                while (i + 1 < bytes.Count && bytes[i + 1] == end + 1)
                {
                    i++;
                    end = bytes[i];
                }

                parts.Add(start == end ? Char(start) : end == start + 1 ? Char(start) + " or " + Char(end) : $"(>= {Char(start)} and <= {Char(end)})");
                i++;
            }

            return string.Join(" or ", parts);
        }

        private static string Char(int value)
        {
            switch (value)
            {
                case '\'': return "'\\''";
                case '\\': return "'\\\\'";
                case '\t': return "'\\t'";
                case '\n': return "'\\n'";
                case '\r': return "'\\r'";
                default:
                    return value > 0x20 && value < 0x7F
                        ? "'" + (char)value + "'"
                        : "'\\u" + value.ToString("x4", CultureInfo.InvariantCulture) + "'";
            }
        }

        /// <summary>
        /// A DFA too large for code, as a transition table walked in one tight loop. Rows are renumbered so the
        /// dead and match states (whose answer is known) come first, and each entry holds the next state's row
        /// offset (state × classes), so a step is two loads and an add, and one comparison stops the walk.
        /// </summary>
        private static void WriteTableDfa(SourceWriter writer, string methodName, RegexMatcher matcher, Dfa dfa)
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

            var prefix = dfa.LiteralPrefix;
            var first = StateAfter(dfa, prefix);
            writer.Open($"private static bool {methodName}(ReadOnlySpan<char> subject)");
            WriteSuffixCheck(writer, matcher);
            WritePrefixCheck(writer, prefix, "steps");

            writer.Line($"// {dfa.StateCount} states in a transition table: {methodName}Classes maps a byte to one of {classCount} classes;");
            writer.Line($"// {methodName}Transitions holds, per state and class, the row (state × {classCount}) of the next state.");
            var special = SpecialStateCheck(dfa, classCount);
            if (special is not null)
            {
                writer.Line($"// {special.Value.Comment}");
            }

            writer.Line($"var classes = {methodName}Classes;");
            writer.Line($"var transitions = {methodName}Transitions;");
            writer.Line($"var state = {row[first]};");
            writer.Line($"foreach (var c in {(prefix.Length > 0 ? $"subject.Slice({prefix.Length})" : "subject")})");
            writer.Line("{");
            writer.Indent();
            writer.Line("if (c > '\\u00ff')");
            writer.Line("{");
            writer.Indent().Line("// Beyond the 8-bit alphabet PCRE2 sees (never in a D4-valid origin).").Line("return false;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("state = transitions[state + classes[c]];");
            if (special is not null)
            {
                writer.Line($"if ({special.Value.Condition})");
                writer.Line("{");
                writer.Indent().Line($"return {special.Value.Answer};").Outdent();
                writer.Line("}");
            }

            writer.Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line($"return {methodName}AcceptsAtEnd[state / {classCount}];");
            writer.Close();
            writer.Line();
            var maxRow = (order.Count - 1) * classCount;
            WriteTable(writer, $"{methodName}Classes", "byte", dfa.ByteClasses);
            if (maxRow <= ushort.MaxValue)
            {
                WriteTable(writer, $"{methodName}Transitions", "ushort", transitions);
            }
            else
            {
                WriteTable(writer, $"{methodName}Transitions", "int", transitions);
            }

            WriteTable(writer, $"{methodName}AcceptsAtEnd", "bool", acceptsAtEnd);
        }

        /// <summary>The one comparison that ends the walk in the dead state (row 0) or the match state (the next row).</summary>
        private static (string Comment, string Condition, string Answer)? SpecialStateCheck(Dfa dfa, int classCount)
        {
            if (dfa.DeadState >= 0 && dfa.MatchState >= 0)
            {
                return ($"Row 0 is the dead state and row {classCount} the match state: the answer is known once the walk reaches either.", $"state <= {classCount}", "state != 0");
            }

            if (dfa.DeadState >= 0)
            {
                return ("Row 0 is the dead state: no subject that reaches it matches.", "state == 0", "false");
            }

            return dfa.MatchState >= 0 ? ("Row 0 is the match state: every subject that reaches it matches.", "state == 0", "true") : null;
        }

        private static void WriteNfa(SourceWriter writer, string methodName, RegexMatcher matcher)
        {
            var nfa = matcher.Nfa!;
            writer.Open($"private static bool {methodName}(ReadOnlySpan<char> subject)");
            WriteSuffixCheck(writer, matcher);
            writer.Line($"return {EmittedNames.Runtime}.MatchesNfa(subject, {methodName}Classes, {nfa.ClassCount}, {methodName}Starts, {methodName}SuccessorStarts, {methodName}Successors, {methodName}AcceptsAtEnd);");
            writer.Close();
            writer.Line();
            WriteTable(writer, $"{methodName}Classes", "byte", nfa.ByteClasses);
            WriteTable(writer, $"{methodName}Starts", "int", nfa.StartStates);
            WriteTable(writer, $"{methodName}SuccessorStarts", "int", nfa.SuccessorStarts);
            WriteTable(writer, $"{methodName}Successors", "int", nfa.Successors);
            WriteTable(writer, $"{methodName}AcceptsAtEnd", "bool", nfa.AcceptsAtEnd);
        }

        /// <summary>A constant table: <c>ReadOnlySpan&lt;T&gt; Name =&gt; new T[] { ... }</c> reads static data, no allocation.</summary>
        private static void WriteTable<T>(SourceWriter writer, string name, string type, IReadOnlyList<T> values)
        {
            writer.Line($"private static ReadOnlySpan<{type}> {name} => new {type}[]");
            writer.Line("{");
            writer.Indent();
            var line = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                var text = values[i] is bool flag ? (flag ? "true" : "false") : System.Convert.ToString(values[i], CultureInfo.InvariantCulture);
                line.Append(text).Append(',');
                if (line.Length > 100 || i == values.Count - 1)
                {
                    writer.Line(line.ToString());
                    line.Clear();
                }
                else
                {
                    line.Append(' ');
                }
            }

            writer.Outdent();
            writer.Line("};");
            writer.Line();
        }
    }
}
