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
        private static void WriteClassSwitchDfa(SourceWriter writer, string methodName, RegexMatcher matcher, Dfa dfa, MatcherLayout layout)
        {
            WriteSuffixCheck(writer, matcher);
            WritePrefixCheck(writer, layout.Prefix, "states");
            if (!layout.TestsEachChar)
            {
                writer.Line("// A char beyond the 8-bit alphabet PCRE2 sees (never in a D4-valid origin) matches nothing.");
                writer.Open($"if (!{EmittedNames.Rules}.IsLatin1(subject))");
                writer.Line("return false;");
                writer.Close();
                writer.Line();
            }

            writer.Line($"// {dfa.StateCount} states as code: each state switches on the class of its character ({methodName}Classes):");
            WriteClassLegend(writer, dfa);
            writer.Line($"var classes = {methodName}Classes;");
            writer.Line($"var i = {layout.Prefix.Length};");
            writer.Line("char c;");

            var usesMatch = false;
            var usesNoMatch = layout.TestsEachChar;
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

            foreach (var state in layout.States)
            {
                writer.Line();
                if (state.Labelled)
                {
                    writer.Label($"State{state.State}");
                }

                if (state.Chain is { } chain)
                {
                    usesNoMatch = true;
                    WriteChain(writer, chain, state.ChainTarget < 0 ? null : Goto(state.ChainTarget), "goto NoMatch;");
                    continue;
                }

                usesMatch |= state.AcceptsAtEnd;
                usesNoMatch |= !state.AcceptsAtEnd;
                writer.Open("if (i == subject.Length)");
                writer.Line(state.AcceptsAtEnd ? "goto Match;" : "goto NoMatch;");
                writer.Close();
                writer.Line();
                if (state.Cases.Count == 0 && state.Fallback == dfa.DeadState)
                {
                    // Every char leads to the dead state: only the end of the subject could follow.
                    writer.Line(Goto(dfa.DeadState));
                    continue;
                }

                writer.Line("c = subject[i++];");
                if (layout.TestsEachChar)
                {
                    writer.Open("if (c > '\\u00ff')");
                    writer.Line("goto NoMatch;");
                    writer.Close();
                    writer.Line();
                }

                if (state.Cases.Count == 0)
                {
                    // Every class leads to the same state: no switch.
                    writer.Line(Goto(state.Fallback));
                    continue;
                }

                writer.Open("switch (classes[c])");
                foreach (var group in state.Cases)
                {
                    foreach (var cls in group.Symbols)
                    {
                        writer.Line($"case {cls}:");
                    }

                    writer.Indent().Line(Goto(group.Target)).Outdent();
                }

                writer.Line("default:");
                writer.Indent().Line(Goto(state.Fallback)).Outdent();
                writer.Close();
            }

            if (usesMatch)
            {
                writer.Line();
                writer.Label("Match");
                writer.Line("return true;");
            }

            if (usesNoMatch)
            {
                writer.Line();
                writer.Label("NoMatch");
                writer.Line(layout.TestsEachChar
                    ? "// The dead state, the end of a subject its state does not accept, or a char beyond the 8-bit alphabet."
                    : "// The dead state, or the end of a subject its state does not accept.");
                writer.Line("return false;");
            }

            writer.Close();
            writer.Line();
            WriteTable(writer, $"{methodName}Classes", "byte", dfa.ByteClasses);
        }

        /// <summary>
        /// The byte classes as comments, so a reader of the <c>switch</c> statements knows what <c>case 3:</c> is:
        /// each class's bytes as ranges; the largest class, usually the bytes no pattern names, is "every other byte".
        /// </summary>
        private static void WriteClassLegend(SourceWriter writer, Dfa dfa)
        {
            var members = new List<int>[dfa.ClassCount];
            for (var cls = 0; cls < dfa.ClassCount; cls++)
            {
                members[cls] = new List<int>();
            }

            for (var b = 0; b < 256; b++)
            {
                members[dfa.ByteClasses[b]].Add(b);
            }

            var largest = 0;
            for (var cls = 1; cls < dfa.ClassCount; cls++)
            {
                if (members[cls].Count > members[largest].Count)
                {
                    largest = cls;
                }
            }

            for (var cls = 0; cls < dfa.ClassCount; cls++)
            {
                var bytes = cls == largest ? "every other byte" : string.Join(", ", Ranges(members[cls], single: Char, range: (start, end) => $"{Char(start)}-{Char(end)}"));
                writer.Line($"//   class {cls}: {bytes}");
            }
        }
    }
}
