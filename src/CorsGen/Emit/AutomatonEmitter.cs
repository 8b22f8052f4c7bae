using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CorsGen.Automata;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes a <see cref="RegexMatcher"/>, as <see cref="MatcherLayout"/> planned it, as a C# method over
    /// <c>ReadOnlySpan&lt;char&gt;</c>: a DFA as a goto state machine (one label and one <c>switch</c> per state, on
    /// the character or on its byte class; runs of one-character states as one <c>StartsWith</c>), or as lookup
    /// tables, or, past the DFA state cap, tables for the runtime's linear-time NFA simulation. No Regex, no
    /// allocation, one pass over the subject.
    /// </summary>
    internal static partial class AutomatonEmitter
    {
        public static void Write(SourceWriter writer, string methodName, string subject, RegexMatcher matcher)
        {
            var layout = MatcherLayout.Plan(matcher);
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
            writer.Open($"private static bool {methodName}(ReadOnlySpan<char> subject)");
            switch (layout.Form)
            {
                case MatcherForm.Constant:
                    writer.Line(matcher.Dfa!.IsEmpty ? "// No subject can match these entries." : "// Every subject matches these entries.");
                    writer.Line(matcher.Dfa.IsEmpty ? "return false;" : "return true;");
                    writer.Close();
                    break;
                case MatcherForm.Switch:
                    WriteSwitchDfa(writer, matcher, matcher.Dfa!, layout);
                    break;
                case MatcherForm.ClassSwitch:
                    WriteClassSwitchDfa(writer, methodName, matcher, matcher.Dfa!, layout);
                    break;
                case MatcherForm.Table:
                    WriteTableDfa(writer, methodName, matcher, matcher.Dfa!, layout);
                    break;
                default:
                    WriteNfa(writer, methodName, matcher);
                    break;
            }
        }

        private static string Describe(RegexMatcher matcher) => matcher.Dfa is { } dfa
            ? $"one minimized DFA of {dfa.StateCount} states"
            : $"an NFA of {matcher.Nfa!.StateCount} states (the DFA would exceed {DfaBuilder.DefaultMaxStates} states: CORS011)";

        /// <summary>
        /// The quick rejection: when every match ends with the same literal text (before an optional final
        /// newline), a subject that does not is refused by one comparison, before any automaton runs.
        /// </summary>
        private static void WriteSuffixCheck(SourceWriter writer, RegexMatcher matcher)
        {
            if (matcher.RequiredSuffix.Length < 2)
            {
                return;
            }

            var suffix = SourceWriter.Literal(matcher.RequiredSuffix);
            writer.Line($"// Every match ends with {suffix}{(matcher.SuffixBeforeFinalNewline ? " (a final newline aside)" : "")}: one comparison rejects most other subjects.");
            if (matcher.SuffixBeforeFinalNewline)
            {
                writer.Open(
                    $"if (!{EmittedNames.Rules}.EndsWith(subject, {suffix})",
                    $"&& !(subject.Length > 0 && subject[subject.Length - 1] == '\\n' && {EmittedNames.Rules}.EndsWith(subject.Slice(0, subject.Length - 1), {suffix})))");
            }
            else
            {
                writer.Open($"if (!{EmittedNames.Rules}.EndsWith(subject, {suffix}))");
            }

            writer.Line("return false;");
            writer.Close();
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
            writer.Open($"if (!{EmittedNames.Rules}.StartsWith(subject, {SourceWriter.Literal(prefix)}))");
            writer.Line("return false;");
            writer.Close();
            writer.Line();
        }

        /// <summary>A DFA of at most <see cref="MatcherLayout.MaxSwitchStates"/> states: each state switches on the character itself.</summary>
        private static void WriteSwitchDfa(SourceWriter writer, RegexMatcher matcher, Dfa dfa, MatcherLayout layout)
        {
            WriteSuffixCheck(writer, matcher);
            WritePrefixCheck(writer, layout.Prefix, "states");
            writer.Line($"var i = {layout.Prefix.Length};");
            foreach (var state in layout.States)
            {
                writer.Line();
                if (state.Labelled)
                {
                    writer.Label($"State{state.State}");
                }

                if (state.Chain is { } chain)
                {
                    WriteChain(writer, chain, state.ChainTarget < 0 ? null : Jump(dfa, state.ChainTarget), "return false;");
                    continue;
                }

                if (state.Cases.Count == 0 && state.Fallback == dfa.DeadState)
                {
                    // Every char leads to the dead state: only the end of the subject can follow.
                    writer.Line("return i == subject.Length;");
                    continue;
                }

                writer.Open("if (i == subject.Length)");
                writer.Line(state.AcceptsAtEnd ? "return true;" : "return false;");
                writer.Close();
                writer.Line();
                if (state.Cases.Count == 0)
                {
                    // Every 8-bit char leads to the same state: no switch.
                    WriteBeyondLatin1Check(writer, "subject[i++]");
                    writer.Line(Jump(dfa, state.Fallback));
                    continue;
                }

                writer.Open("switch (subject[i++])");
                foreach (var group in state.Cases)
                {
                    writer.Line($"case {Pattern(group.Symbols)}:");
                    writer.Indent().Line(Jump(dfa, group.Target)).Outdent();
                }

                writer.Line("default:");
                writer.Indent();
                if (state.Fallback != dfa.DeadState)
                {
                    WriteBeyondLatin1Check(writer, "subject[i - 1]");
                }

                writer.Line(Jump(dfa, state.Fallback));
                writer.Outdent();
                writer.Close();
            }

            writer.Close();
        }

        /// <summary>A run of one-character states, <paramref name="chain"/>, as one comparison on the rest of the subject.</summary>
        /// <param name="onMatch">The jump to the state after the run; null when that state's code follows.</param>
        private static void WriteChain(SourceWriter writer, string chain, string? onMatch, string onMismatch)
        {
            writer.Line($"// {chain.Length} states that each allow one char: one comparison.");
            writer.Open($"if (!{EmittedNames.Rules}.StartsWith(subject.Slice(i), {SourceWriter.Literal(chain)}))");
            writer.Line(onMismatch);
            writer.Close();
            writer.Line();
            writer.Line($"i += {chain.Length};");
            if (onMatch is not null)
            {
                writer.Line(onMatch);
            }
        }

        /// <summary>Refuses a char beyond the 8-bit alphabet PCRE2 sees, where a state's default would otherwise take it.</summary>
        private static void WriteBeyondLatin1Check(SourceWriter writer, string character)
        {
            writer.Open($"if ({character} > '\\u00ff')");
            writer.Line("// Beyond the 8-bit alphabet PCRE2 sees (never in a D4-valid origin).");
            writer.Line("return false;");
            writer.Close();
            writer.Line();
        }

        private static string Jump(Dfa dfa, int target) =>
            target == dfa.MatchState ? "return true;" : target == dfa.DeadState ? "return false;" : $"goto State{target};";

        /// <summary>A case pattern for a set of bytes: <c>'a'</c>, <c>&gt;= 'a' and &lt;= 'z'</c>, joined with <c>or</c>.</summary>
        private static string Pattern(IReadOnlyList<int> bytes) => string.Join(" or ", Ranges(bytes, single: Char, range: (start, end) => $">= {Char(start)} and <= {Char(end)}"));

        /// <summary>A set of bytes as consecutive runs: a run of two is two singles.</summary>
        private static List<string> Ranges(IReadOnlyList<int> bytes, System.Func<int, string> single, System.Func<int, int, string> range)
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

                if (start == end)
                {
                    parts.Add(single(start));
                }
                else if (end == start + 1)
                {
                    parts.Add(single(start));
                    parts.Add(single(end));
                }
                else
                {
                    parts.Add(range(start, end));
                }

                i++;
            }

            return parts;
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

        /// <summary>A DFA too large for code, as a transition table walked in one tight loop (see <see cref="TableLayout"/>).</summary>
        private static void WriteTableDfa(SourceWriter writer, string methodName, RegexMatcher matcher, Dfa dfa, MatcherLayout layout)
        {
            var table = layout.Table!;
            var classCount = dfa.ClassCount;
            var prefix = layout.Prefix;
            WriteSuffixCheck(writer, matcher);
            WritePrefixCheck(writer, prefix, "steps");

            writer.Line($"// {dfa.StateCount} states in a transition table: {methodName}Classes maps a byte to one of {classCount} classes;");
            writer.Line($"// {methodName}Transitions holds, per state and class, the row (state × {classCount}) of the next state.");
            var special = SpecialStateCheck(table, classCount);
            if (special is not null)
            {
                writer.Line($"// {special.Value.Comment}");
            }

            writer.Line($"var classes = {methodName}Classes;");
            writer.Line($"var transitions = {methodName}Transitions;");
            writer.Line($"var state = {table.FirstRow};");
            writer.Open($"foreach (var c in {(prefix.Length > 0 ? $"subject.Slice({prefix.Length})" : "subject")})");
            WriteBeyondLatin1Check(writer, "c");
            writer.Line("state = transitions[state + classes[c]];");
            if (special is not null)
            {
                writer.Open($"if ({special.Value.Condition})");
                writer.Line($"return {special.Value.Answer};");
                writer.Close();
            }

            writer.Close();
            writer.Line();
            writer.Line($"return {methodName}AcceptsAtEnd[state / {classCount}];");
            writer.Close();
            writer.Line();
            WriteTable(writer, $"{methodName}Classes", "byte", dfa.ByteClasses);
            WriteTable(writer, $"{methodName}Transitions", table.FitsUShort(classCount) ? "ushort" : "int", table.Transitions);
            WriteTable(writer, $"{methodName}AcceptsAtEnd", "bool", table.AcceptsAtEnd);
        }

        /// <summary>The one comparison that ends the walk in the dead state (row 0) or the match state (the next row).</summary>
        private static (string Comment, string Condition, string Answer)? SpecialStateCheck(TableLayout table, int classCount)
        {
            if (table.HasDeadRow && table.HasMatchRow)
            {
                return ($"Row 0 is the dead state and row {classCount} the match state: the answer is known once the walk reaches either.", $"state <= {classCount}", "state != 0");
            }

            if (table.HasDeadRow)
            {
                return ("Row 0 is the dead state: no subject that reaches it matches.", "state == 0", "false");
            }

            return table.HasMatchRow ? ("Row 0 is the match state: every subject that reaches it matches.", "state == 0", "true") : null;
        }

        private static void WriteNfa(SourceWriter writer, string methodName, RegexMatcher matcher)
        {
            var nfa = matcher.Nfa!;
            WriteSuffixCheck(writer, matcher);
            writer.Line($"return {EmittedNames.Rules}.MatchesNfa(subject, {methodName}Classes, {nfa.ClassCount}, {methodName}Starts, {methodName}SuccessorStarts, {methodName}Successors, {methodName}AcceptsAtEnd);");
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
            writer.Open($"private static ReadOnlySpan<{type}> {name} => new {type}[]");
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

            writer.Close(";");
            writer.Line();
        }
    }
}
