using System.Collections.Generic;
using System.Linq;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes a policy's <c>Evaluate</c>, in its request-path class: the policy's whole answer to a request given by its
    /// headers, without an <c>HttpContext</c>, as a <c>KongCorsDecision</c>. It decides the origin with the request path's own
    /// <c>MatchOrigin</c> and sets the same headers, in the same order, under the same conditions as
    /// <see cref="RequestPathEmitter"/>'s preflight answer and response headers (EvaluateTests hold them to the real pipeline
    /// on Kong's cases and on random requests); what only it needs is which entry matched first and why.
    /// </summary>
    internal static class EvaluateEmitter
    {
        public static void Write(SourceWriter writer, CompiledPolicy policy)
        {
            var origins = policy.Origins;
            var configured = RequestPathEmitter.IsConfigured(policy);
            if (!configured)
            {
                // A configured policy's entries are the combined list its KongCorsConfiguredOrigins holds.
                WriteEntries(writer, origins);
            }

            if (origins.Mode == OriginMode.List && !origins.HasWildcard && !origins.EntryTests.IsEmpty)
            {
                WriteEntryMatchers(writer, origins);
                writer.Line();
                WriteFirstMatchingEntry(writer, origins);
                WriteProgressTables(writer, origins);
                writer.Line();
                WriteClosestEntry(writer, origins);
            }

            writer.Line();
            WriteEvaluate(writer, policy);
            writer.Line();
            if (configured)
            {
                writer.Line("private static KongCorsDecision Decide(string[] entries, bool isPreflight, string? requestOrigin, int entry, KongCorsReason reason, List<KeyValuePair<string, string>> headers) =>");
                writer.Indent().Line("new(PolicyName, isPreflight, requestOrigin, entry, entry < 0 ? null : entries[entry], entries.Length, reason, headers);").Outdent();
            }
            else
            {
                writer.Line("private static KongCorsDecision Decide(bool isPreflight, string? requestOrigin, int entry, KongCorsReason reason, List<KeyValuePair<string, string>> headers) =>");
                writer.Indent().Line("new(PolicyName, isPreflight, requestOrigin, entry, entry < 0 ? null : Entries[entry], Entries.Length, reason, headers);").Outdent();
            }
        }

        private static void WriteEntries(SourceWriter writer, OriginRules origins)
        {
            writer.Line();
            writer.Line("/// <summary>The origin entries as configured, for the decisions Evaluate explains.</summary>");
            if (origins.Entries.IsEmpty)
            {
                writer.Line("private static readonly string[] Entries = Array.Empty<string>();");
                return;
            }

            writer.Open("private static readonly string[] Entries =");
            foreach (var entry in origins.Entries)
            {
                writer.Line($"{SourceWriter.Literal(entry)},");
            }

            writer.Close(";");
        }

        /// <summary>The own automaton of each regex entry whose kind's automaton holds other entries too.</summary>
        private static void WriteEntryMatchers(SourceWriter writer, OriginRules origins)
        {
            for (var i = 0; i < origins.EntryTests.Count; i++)
            {
                if (origins.EntryTests[i].OwnMatcher is { } own)
                {
                    writer.Line();
                    AutomatonEmitter.Write(writer, EntryMatcherName(i), origins.EntryTests[i].HostOnly ? "the request's host" : "the normalized origin", own);
                }
            }
        }

        /// <summary>O10: the entries in order, each on its own; the first that matches is the one Kong stopped at.</summary>
        private static void WriteFirstMatchingEntry(SourceWriter writer, OriginRules origins)
        {
            writer.Line("/// <summary>O10: the index of the first entry that matches <paramref name=\"origin\"/> (valid, D4), or -1.</summary>");
            writer.Open("private static int FirstMatchingEntry(string origin)");
            writer.Line($"{EmittedNames.Rules}.Normalize(origin, out var domain, out var host);");
            for (var i = 0; i < origins.EntryTests.Count; i++)
            {
                var test = origins.EntryTests[i];
                var condition = test.Literal is { } literal
                    ? $"domain is {SourceWriter.Literal(literal)}"
                    : test.OwnMatcher is not null
                        ? $"{EntryMatcherName(i)}({(test.HostOnly ? "host" : "domain")})"
                        : test.HostOnly ? "MatchesHostRegexes(host)" : "MatchesOriginRegexes(domain)";
                writer.Open($"if ({condition})");
                writer.Line($"return {i};");
                writer.Close();
                writer.Line();
            }

            writer.Line("return -1;");
            writer.Close();
        }

        private static string EntryMatcherName(int index) => "MatchesEntry" + index;

        /// <summary>Above this many states a regex entry's automaton is not written out as tables: Evaluate then names no position in it.</summary>
        public const int MaxProgressStates = 256;

        /// <summary>The DFA of a regex entry alone, when it is small enough to be written as tables for Evaluate's closest entry.</summary>
        public static Automata.Dfa? ProgressDfa(OriginRules origins, EntryTest test)
        {
            if (test.Literal is not null)
            {
                return null;
            }

            var dfa = test.OwnMatcher is { } own ? own.Dfa : (test.HostOnly ? origins.HostRegexes : origins.OriginRegexes)?.Dfa;
            return dfa is { StateCount: <= MaxProgressStates } ? dfa : null;
        }

        /// <summary>
        /// Each small regex entry's DFA as two string constants: the classes of the ASCII chars (an origin that reaches
        /// Evaluate's closest entry is visible ASCII, D4), and its transitions by state and class (one char each), which the
        /// runtime's <c>MatchedPrefix</c> follows to say how far the entry can match an origin.
        /// </summary>
        private static void WriteProgressTables(SourceWriter writer, OriginRules origins)
        {
            for (var i = 0; i < origins.EntryTests.Count; i++)
            {
                if (ProgressDfa(origins, origins.EntryTests[i]) is not { } dfa)
                {
                    continue;
                }

                writer.Line();
                writer.Line($"/// <summary>Entry {i}'s DFA ({dfa.StateCount} states) as tables: ASCII char -> class, then state * {dfa.ClassCount} + class -> state.</summary>");
                WriteCharTable(writer, $"Entry{i}Classes", dfa.ByteClasses.Take(128).Select(b => (int)b));
                WriteCharTable(writer, $"Entry{i}Transitions", dfa.Transitions);
            }
        }

        /// <summary>A constant string of one char per value, 16 values a line.</summary>
        private static void WriteCharTable(SourceWriter writer, string name, IEnumerable<int> values)
        {
            var all = values.ToList();
            writer.Line($"private const string {name} =");
            writer.Indent();
            for (var start = 0; start < all.Count; start += 16)
            {
                var chunk = new string(all.Skip(start).Take(16).Select(v => (char)v).ToArray());
                writer.Line(SourceWriter.Literal(chunk) + (start + 16 < all.Count ? " +" : ";"));
            }

            writer.Outdent();
        }

        /// <summary>For a refused origin: the entry that matched the longest part of it, as far as each entry could read it.</summary>
        private static void WriteClosestEntry(SourceWriter writer, OriginRules origins)
        {
            writer.Line("/// <summary>");
            writer.Line("/// For a refused origin: the entry that matched the longest part of it (a literal's common prefix, a small regex's");
            writer.Line("/// automaton as far as it could read), the first of equals, with what it read and how far; -1 when none matched any.");
            writer.Line("/// </summary>");
            writer.Open("private static int ClosestEntry(string origin, out string subject, out int stop)");
            var reaches = new List<(int Entry, string Input, string Reach)>();
            for (var i = 0; i < origins.EntryTests.Count; i++)
            {
                var test = origins.EntryTests[i];
                var input = test.Literal is null && test.HostOnly ? "host" : "domain";
                if (test.Literal is { } literal)
                {
                    reaches.Add((i, input, $"{EmittedNames.Rules}.CommonPrefixLength(domain, {SourceWriter.Literal(literal)})"));
                }
                else if (ProgressDfa(origins, test) is { } dfa)
                {
                    reaches.Add((i, input, $"{EmittedNames.Rules}.MatchedPrefix({input}, Entry{i}Classes, {dfa.ClassCount}, Entry{i}Transitions, {dfa.StartState}, {dfa.DeadState}, {dfa.MatchState})"));
                }
            }

            writer.Line("var closest = -1;");
            writer.Line("subject = \"\";");
            writer.Line("stop = 0;");
            if (reaches.Count == 0)
            {
                writer.Line("// Every entry is a regex whose automaton is too large to be written out as tables.");
            }
            else
            {
                writer.Line($"{EmittedNames.Rules}.Normalize(origin, out var domain, out var host);");
                writer.Line("int reach;");
            }

            foreach (var (entry, input, reach) in reaches)
            {
                writer.Line();
                writer.Line($"reach = {reach};");
                writer.Open("if (reach > stop)");
                writer.Line($"(closest, subject, stop) = ({entry}, {input}.ToString(), reach);");
                writer.Close();
            }

            writer.Line();
            writer.Line("return closest;");
            writer.Close();
        }

        private static void WriteEvaluate(SourceWriter writer, CompiledPolicy policy)
        {
            var origins = policy.Origins;
            var mode = origins.Mode;
            var reflects = RequestPathEmitter.CanReflectForCredentials(policy);
            var configured = RequestPathEmitter.IsConfigured(policy);
            var decide = configured ? "Decide(configured.Entries, " : "Decide(";
            writer.Line("/// <summary>The policy's whole answer to a request with these headers (see the policy class's Evaluate).</summary>");
            writer.Open($"internal static KongCorsDecision Evaluate(string method, string? requestOrigin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork{RequestPathEmitter.ConfiguredParameter(policy)})");
            writer.Line("// R1: OPTIONS (exactly), a non-empty Origin and an Access-Control-Request-Method (even empty).");
            writer.Line("var isPreflight = string.Equals(method, \"OPTIONS\", StringComparison.Ordinal) && !string.IsNullOrEmpty(requestOrigin) && requestMethod is not null;");
            writer.Line("var headers = new List<KeyValuePair<string, string>>();");
            if (policy.PreflightContinue)
            {
                writer.Open("if (isPreflight)");
                writer.Line("// P7: the preflight continues to the application, with no CORS headers from this policy.");
                writer.Line($"return {decide}true, requestOrigin, -1, KongCorsReason.PreflightContinued, headers);");
                writer.Close();
                writer.Line();
            }

            if (!policy.AllowOriginAbsent)
            {
                writer.Open("if (!isPreflight && string.IsNullOrEmpty(requestOrigin))");
                writer.Line("// A4: AllowOriginAbsent = false: a request without an Origin gets nothing from this policy.");
                writer.Line($"return {decide}false, requestOrigin, -1, KongCorsReason.NoOrigin, headers);");
                writer.Close();
                writer.Line();
            }

            writer.Line($"var origin = {EmittedNames.Rules}.ValidOrigin(requestOrigin);");
            var argument = RequestPathEmitter.ConfiguredArgument(policy);
            writer.Line(reflects ? $"var allowOrigin = MatchOrigin(origin{argument}, out var allowAll);" : $"var allowOrigin = MatchOrigin(origin{argument}, out _);");
            writer.Line();
            if (configured)
            {
                writer.Open("if (!configured.AllowsEveryOrigin)");
                writer.Line("// O2, A3, P6: the answer depends on Origin unless the combined list is exactly [\"*\"] (O1).");
                writer.Line("headers.Add(new(\"Vary\", \"Origin\"));");
                writer.Close();
                writer.Line();
            }
            else if (mode != OriginMode.AllowAll)
            {
                writer.Line("// O2, A3, P6: the answer depends on Origin.");
                writer.Line("headers.Add(new(\"Vary\", \"Origin\"));");
                writer.Line();
            }

            if (policy.Credentials)
            {
                if (reflects)
                {
                    writer.Open("if (!allowAll)");
                    writer.Line("// C2: credentials on every response of a policy that lists its origins.");
                    writer.Line("headers.Add(new(\"Access-Control-Allow-Credentials\", \"true\"));");
                    writer.Close();
                    writer.Open("else if (origin is not null)");
                    writer.Line("// C3: '*' cannot carry credentials, so the request's Origin is sent back.");
                    if (mode == OriginMode.AllowAll)
                    {
                        writer.Line("headers.Add(new(\"Vary\", \"Origin\"));");
                    }
                    else if (configured)
                    {
                        writer.Open("if (configured.AllowsEveryOrigin)");
                        writer.Line("headers.Add(new(\"Vary\", \"Origin\"));");
                        writer.Close();
                    }

                    writer.Line("allowOrigin = origin;");
                    writer.Line("headers.Add(new(\"Access-Control-Allow-Credentials\", \"true\"));");
                    writer.Close();
                }
                else
                {
                    writer.Line("// C2: credentials on every response of a policy that lists its origins.");
                    writer.Line("headers.Add(new(\"Access-Control-Allow-Credentials\", \"true\"));");
                }

                writer.Line();
            }

            writer.Open("if (allowOrigin is not null)");
            writer.Line("headers.Add(new(\"Access-Control-Allow-Origin\", allowOrigin));");
            writer.Close();
            writer.Line();
            if (WriteSettingHeaders(writer, policy))
            {
                writer.Line();
            }

            WriteReason(writer, policy, reflects, decide);
            writer.Close();
        }

        /// <summary>P2-P5 on a preflight answer, A1 on any other response; false when the policy sets none of them.</summary>
        private static bool WriteSettingHeaders(SourceWriter writer, CompiledPolicy policy)
        {
            if (policy.PreflightContinue)
            {
                // P7 returned above: this is no preflight.
                if (policy.ExposeHeaders is not null)
                {
                    writer.Line("headers.Add(new(\"Access-Control-Expose-Headers\", ExposeHeaders));");
                }

                return policy.ExposeHeaders is not null;
            }

            writer.Open("if (isPreflight)");
            if (policy.AllowHeaders is not null)
            {
                writer.Line("headers.Add(new(\"Access-Control-Allow-Headers\", AllowHeaders));");
            }
            else
            {
                writer.Line("// P2: Access-Control-Request-Headers reflected when it is a list of header names (D4).");
                writer.Open($"if ({EmittedNames.Rules}.IsHeaderNameList(requestHeaders))");
                writer.Line("headers.Add(new(\"Access-Control-Allow-Headers\", requestHeaders!));");
                writer.Close();
                if (policy.AllowMethods is not null || policy.MaxAge is not null || policy.PrivateNetwork)
                {
                    writer.Line();
                }
            }

            if (policy.AllowMethods is not null)
            {
                writer.Line("headers.Add(new(\"Access-Control-Allow-Methods\", AllowMethods));");
            }

            if (policy.MaxAge is not null)
            {
                writer.Line("headers.Add(new(\"Access-Control-Max-Age\", MaxAge));");
            }

            if (policy.PrivateNetwork)
            {
                if (policy.AllowHeaders is not null || policy.AllowMethods is not null || policy.MaxAge is not null)
                {
                    writer.Line();
                }

                writer.Line("// P5: only when asked for; independent of the origin.");
                writer.Open("if (requestPrivateNetwork)");
                writer.Line("headers.Add(new(\"Access-Control-Allow-Private-Network\", \"true\"));");
                writer.Close();
            }

            writer.Close();
            if (policy.ExposeHeaders is not null)
            {
                writer.Open("else");
                writer.Line("headers.Add(new(\"Access-Control-Expose-Headers\", ExposeHeaders));");
                writer.Close();
            }

            return true;
        }

        /// <summary>The rule that decided, and the entry Kong stopped at.</summary>
        private static void WriteReason(SourceWriter writer, CompiledPolicy policy, bool reflects, string decide)
        {
            var origins = policy.Origins;
            var configured = RequestPathEmitter.IsConfigured(policy);
            var allowAllReason = reflects
                ? "origin is null ? KongCorsReason.AllowAll : KongCorsReason.AllowAllReflected"
                : "KongCorsReason.AllowAll";
            if (configured)
            {
                writer.Open("if (configured.AllowsEveryOrigin)");
                writer.Line($"return {decide}isPreflight, requestOrigin, -1, {allowAllReason}, headers);");
                writer.Close();
                writer.Line();
                writer.Open("if (configured.SingleLiteral is { } single)");
                writer.Line($"return {decide}isPreflight, requestOrigin, string.Equals(requestOrigin, single, StringComparison.Ordinal) ? 0 : -1, KongCorsReason.SingleLiteral, headers);");
                writer.Close();
                writer.Line();
            }

            switch (origins.Mode)
            {
                case OriginMode.AllowAll:
                    writer.Line($"return {decide}isPreflight, requestOrigin, -1, {allowAllReason}, headers);");
                    break;

                case OriginMode.SingleLiteral:
                    writer.Line($"var entry = string.Equals(requestOrigin, {SourceWriter.Literal(origins.SingleLiteral!)}, StringComparison.Ordinal) ? 0 : -1;");
                    writer.Line($"return {decide}isPreflight, requestOrigin, entry, KongCorsReason.SingleLiteral, headers);");
                    break;

                default:
                    writer.Open("if (origin is null)");
                    writer.Line("var reason = string.IsNullOrEmpty(requestOrigin) ? KongCorsReason.NoOrigin : KongCorsReason.OriginInvalid;");
                    writer.Line($"return {decide}isPreflight, requestOrigin, -1, reason, headers);");
                    writer.Close();
                    writer.Line();
                    if (origins.HasWildcard)
                    {
                        var wildcard = 0;
                        while (origins.Entries[wildcard] != "*")
                        {
                            wildcard++;
                        }

                        writer.Line($"return {decide}isPreflight, requestOrigin, {wildcard}, KongCorsReason.WildcardEntry, headers);");
                        break;
                    }

                    var entries = configured ? "configured.Entries" : "Entries";
                    if (configured)
                    {
                        writer.Open("if (configured.WildcardIndex >= 0)");
                        writer.Line($"return {decide}isPreflight, requestOrigin, configured.WildcardIndex, KongCorsReason.WildcardEntry, headers);");
                        writer.Close();
                        writer.Line();
                    }

                    var tests = !origins.EntryTests.IsEmpty;
                    writer.Open("if (allowOrigin is null)");
                    writer.Line(tests
                        ? "var closest = ClosestEntry(origin, out var subject, out var stop);"
                        : "// The attribute lists no entry to compare with: configured entries are not searched for the closest.");
                    writer.Line("return new(");
                    writer.Indent();
                    writer.Line($"PolicyName, isPreflight, requestOrigin, -1, null, {entries}.Length, KongCorsReason.OriginNotListed, headers,");
                    writer.Line(tests ? $"closest, closest < 0 ? null : {entries}[closest], subject, stop);" : "-1, null, \"\", 0);");
                    writer.Outdent();
                    writer.Close();
                    writer.Line();
                    if (configured)
                    {
                        // O10: the attribute's entries come first; a configured entry decides only when none of them matched.
                        writer.Line(tests ? "var first = FirstMatchingEntry(origin);" : "var first = -1;");
                        writer.Open("if (first < 0)");
                        writer.Line($"{EmittedNames.Rules}.Normalize(origin, out var domain, out var host);");
                        writer.Line("first = configured.FirstMatchingEntry(origin, domain, host);");
                        writer.Close();
                        writer.Line();
                        writer.Line($"return {decide}isPreflight, requestOrigin, first, KongCorsReason.EntryMatched, headers);");
                    }
                    else
                    {
                        writer.Line($"return {decide}isPreflight, requestOrigin, FirstMatchingEntry(origin), KongCorsReason.EntryMatched, headers);");
                    }

                    break;
            }
        }
    }
}
