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
            WriteEntries(writer, origins);
            if (origins.Mode == OriginMode.List && !origins.HasWildcard)
            {
                WriteEntryMatchers(writer, origins);
                writer.Line();
                WriteFirstMatchingEntry(writer, origins);
            }

            writer.Line();
            WriteResultOf(writer);
            writer.Line();
            WriteEvaluate(writer, policy);
            writer.Line();
            writer.Line("private static KongCorsDecision Decide(bool isPreflight, string? requestOrigin, int entry, KongCorsReason reason, List<KeyValuePair<string, string>> headers) =>");
            writer.Indent().Line("new(PolicyName, isPreflight, requestOrigin, entry, entry < 0 ? null : Entries[entry], Entries.Length, reason, headers);").Outdent();
        }

        private static void WriteEntries(SourceWriter writer, OriginRules origins)
        {
            writer.Line();
            writer.Line("/// <summary>The origin entries as configured, for the decisions Evaluate explains.</summary>");
            if (origins.Entries.IsEmpty)
            {
                writer.Line("private static readonly string[] Entries = [];");
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
            writer.Line($"{EmittedNames.Runtime}.Normalize(origin, out var domain, out var host);");
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

        /// <summary>The metrics result of a request: what a browser makes of the answer, computed without allocating.</summary>
        private static void WriteResultOf(SourceWriter writer)
        {
            writer.Line("/// <summary>The <c>corsgen.result</c> of a request with <paramref name=\"requestOrigin\"/> (KongCorsMetrics); allocates nothing.</summary>");
            writer.Open("internal static string ResultOf(string? requestOrigin)");
            writer.Open($"if ({EmittedNames.Runtime}.ValidOrigin(requestOrigin) is not {{ }} origin)");
            writer.Line("return string.IsNullOrEmpty(requestOrigin) ? KongCorsMetrics.NoOrigin : KongCorsMetrics.OriginInvalid;");
            writer.Close();
            writer.Line();
            writer.Line("// Allowed as a browser sees it: '*' or the origin itself (O3 and O8 can send another).");
            writer.Line("var allowOrigin = GetAllowOrigin(origin);");
            writer.Line("return allowOrigin == \"*\" || allowOrigin == origin ? KongCorsMetrics.Allowed : KongCorsMetrics.OriginNotAllowed;");
            writer.Close();
        }

        private static void WriteEvaluate(SourceWriter writer, CompiledPolicy policy)
        {
            var origins = policy.Origins;
            var mode = origins.Mode;
            var reflects = policy.Credentials && (mode == OriginMode.AllowAll || origins.HasWildcard);
            writer.Line("/// <summary>The policy's whole answer to a request with these headers (see the policy class's Evaluate).</summary>");
            writer.Open("internal static KongCorsDecision Evaluate(string method, string? requestOrigin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork)");
            writer.Line("// R1: OPTIONS (exactly), a non-empty Origin and an Access-Control-Request-Method (even empty).");
            writer.Line("var isPreflight = string.Equals(method, \"OPTIONS\", StringComparison.Ordinal) && !string.IsNullOrEmpty(requestOrigin) && requestMethod is not null;");
            writer.Line("var headers = new List<KeyValuePair<string, string>>();");
            if (policy.PreflightContinue)
            {
                writer.Open("if (isPreflight)");
                writer.Line("// P7: the preflight continues to the application, with no CORS headers from this policy.");
                writer.Line("return Decide(true, requestOrigin, -1, KongCorsReason.PreflightContinued, headers);");
                writer.Close();
                writer.Line();
            }

            if (!policy.AllowOriginAbsent)
            {
                writer.Open("if (!isPreflight && string.IsNullOrEmpty(requestOrigin))");
                writer.Line("// A4: AllowOriginAbsent = false: a request without an Origin gets nothing from this policy.");
                writer.Line("return Decide(false, requestOrigin, -1, KongCorsReason.NoOrigin, headers);");
                writer.Close();
                writer.Line();
            }

            writer.Line($"var origin = {EmittedNames.Runtime}.ValidOrigin(requestOrigin);");
            writer.Line(reflects ? "var allowOrigin = MatchOrigin(origin, out var allowAll);" : "var allowOrigin = MatchOrigin(origin, out _);");
            writer.Line();
            if (mode != OriginMode.AllowAll)
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

            WriteReason(writer, policy, reflects);
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
                writer.Open($"if ({EmittedNames.Runtime}.IsHeaderNameList(requestHeaders))");
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
        private static void WriteReason(SourceWriter writer, CompiledPolicy policy, bool reflects)
        {
            var origins = policy.Origins;
            switch (origins.Mode)
            {
                case OriginMode.AllowAll:
                    writer.Line(reflects
                        ? "return Decide(isPreflight, requestOrigin, -1, origin is null ? KongCorsReason.AllowAll : KongCorsReason.AllowAllReflected, headers);"
                        : "return Decide(isPreflight, requestOrigin, -1, KongCorsReason.AllowAll, headers);");
                    break;

                case OriginMode.SingleLiteral:
                    writer.Line($"var entry = string.Equals(requestOrigin, {SourceWriter.Literal(origins.SingleLiteral!)}, StringComparison.Ordinal) ? 0 : -1;");
                    writer.Line("return Decide(isPreflight, requestOrigin, entry, KongCorsReason.SingleLiteral, headers);");
                    break;

                default:
                    writer.Open("if (origin is null)");
                    writer.Line("var reason = string.IsNullOrEmpty(requestOrigin) ? KongCorsReason.NoOrigin : KongCorsReason.OriginInvalid;");
                    writer.Line("return Decide(isPreflight, requestOrigin, -1, reason, headers);");
                    writer.Close();
                    writer.Line();
                    if (origins.HasWildcard)
                    {
                        var wildcard = 0;
                        while (origins.Entries[wildcard] != "*")
                        {
                            wildcard++;
                        }

                        writer.Line($"return Decide(isPreflight, requestOrigin, {wildcard}, KongCorsReason.WildcardEntry, headers);");
                    }
                    else
                    {
                        writer.Line("return allowOrigin is null");
                        writer.Indent();
                        writer.Line("? Decide(isPreflight, requestOrigin, -1, KongCorsReason.OriginNotListed, headers)");
                        writer.Line(": Decide(isPreflight, requestOrigin, FirstMatchingEntry(origin), KongCorsReason.EntryMatched, headers);");
                        writer.Outdent();
                    }

                    break;
            }
        }
    }
}
