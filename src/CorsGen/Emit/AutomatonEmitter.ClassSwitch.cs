using System.Collections.Generic;
using CorsGen.Automata;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    internal static partial class AutomatonEmitter
    {
        /// <summary>
        /// A DFA too large for range patterns but small enough for code: a goto machine whose states switch on the
        /// character's class, read from one 256-entry table. The state lives in the instruction pointer, so a step
        /// costs a predicted branch instead of a dependent load (the table walk's limit, about 2 ns a character
        /// here), and the method stays a few basic blocks per state, under the JIT's optimization limit.
        /// </summary>
        private static void WriteClassSwitchDfa(SourceWriter writer, string methodName, RegexMatcher matcher, Dfa dfa)
        {
            writer.Open($"private static bool {methodName}(ReadOnlySpan<char> subject)");
            WriteSuffixCheck(writer, matcher);
            var prefix = dfa.LiteralPrefix;
            var first = StateAfter(dfa, prefix);
            WritePrefixCheck(writer, prefix, "states");

            // With no match state every answer waits for the end of the subject, so refusing a char beyond 8 bits
            // up front gives the same answers and keeps that test out of every state (EstimateClassSwitch counts on it).
            var testEachChar = dfa.MatchState >= 0;
            if (!testEachChar)
            {
                writer.Line("// A char beyond the 8-bit alphabet PCRE2 sees (never in a D4-valid origin) matches nothing.");
                writer.Line($"if (subject.ContainsAnyExcept({EmittedNames.Runtime}.Latin1))");
                writer.Line("{");
                writer.Indent().Line("return false;").Outdent();
                writer.Line("}");
                writer.Line();
            }

            writer.Line($"// {dfa.StateCount} states as code: {methodName}Classes maps a byte to one of {dfa.ClassCount} classes, and each state");
            writer.Line("// switches on the class of its character.");
            writer.Line($"var classes = {methodName}Classes;");
            writer.Line($"var i = {prefix.Length};");
            writer.Line("char c;");

            var states = Reachable(dfa, first);
            var targets = Targets(dfa, states);

            var usesMatch = false;
            var usesNoMatch = testEachChar;
            string Goto(int target)
            {
                if (target == dfa.MatchState)
                {
                    usesMatch = true;
                    return "goto Match;";
                }

                if (target == dfa.DeadState)
                {
                    usesNoMatch = true;
                    return "goto NoMatch;";
                }

                return $"goto State{target};";
            }

            writer.Outdent();
            foreach (var state in states)
            {
                writer.Line();
                if (targets.Contains(state))
                {
                    writer.Line($"State{state}:");
                }

                writer.Indent();
                usesMatch |= dfa.AcceptsAtEnd[state];
                usesNoMatch |= !dfa.AcceptsAtEnd[state];
                writer.Line("if (i == subject.Length)");
                writer.Line("{");
                writer.Indent().Line(dfa.AcceptsAtEnd[state] ? "goto Match;" : "goto NoMatch;").Outdent();
                writer.Line("}");
                writer.Line();
                writer.Line("c = subject[i++];");
                if (testEachChar)
                {
                    writer.Line("if (c > '\\u00ff')");
                    writer.Line("{");
                    writer.Indent().Line("goto NoMatch;").Outdent();
                    writer.Line("}");
                    writer.Line();
                }

                writer.Line("switch (classes[c])");
                writer.Line("{");
                writer.Indent();
                WriteClassCases(writer, dfa, state, Goto);
                writer.Outdent();
                writer.Line("}");
                writer.Outdent();
            }

            if (usesMatch)
            {
                writer.Line();
                writer.Line("Match:");
                writer.Indent().Line("return true;").Outdent();
            }

            if (usesNoMatch)
            {
                writer.Line();
                writer.Line("NoMatch:");
                writer.Indent().Line(testEachChar
                    ? "// The dead state, the end of a subject its state does not accept, or a char beyond the 8-bit alphabet."
                    : "// The dead state, or the end of a subject its state does not accept.");
                writer.Line("return false;").Outdent();
            }

            writer.Indent();
            writer.Close();
            writer.Line();
            WriteTable(writer, $"{methodName}Classes", "byte", dfa.ByteClasses);
        }

        /// <summary>One group of <c>case</c> labels per target state; the dead state (or the most common target) is the default.</summary>
        private static void WriteClassCases(SourceWriter writer, Dfa dfa, int state, System.Func<int, string> jump)
        {
            var (byTarget, fallback) = GroupByTarget(dfa, state, byClass: true);
            foreach (var pair in byTarget)
            {
                if (pair.Key == fallback)
                {
                    continue;
                }

                foreach (var cls in pair.Value)
                {
                    writer.Line($"case {cls}:");
                }

                writer.Indent().Line(jump(pair.Key)).Outdent();
            }

            writer.Line("default:");
            writer.Indent().Line(jump(fallback)).Outdent();
        }
    }
}
