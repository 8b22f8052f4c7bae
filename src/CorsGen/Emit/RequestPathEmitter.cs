using System;
using System.Collections.Generic;
using CorsGen.Model;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the file-local class that holds a policy's request path: Kong's <c>configure_origin</c>
    /// and <c>configure_credentials</c> compiled for this configuration, the preflight answer and the
    /// headers of every other response. Header values are constants; nothing here allocates for an
    /// origin a browser can send.
    /// </summary>
    internal static class RequestPathEmitter
    {
                /// <summary>
        /// Above this many literal entries they are matched by binary search over a sorted array rather than by a
        /// <c>switch</c>: measured, a 1,000-case switch added about 900 ns to every request (PolicyBenchmarks, Exact1000).
        /// </summary>
        public const int MaxSwitchLiterals = 128;

        public static void Write(SourceWriter writer, CompiledPolicy policy, EmittedNames names, CompilationFacts facts)
        {
            writer.Line("/// <summary>");
            writer.Line($"/// The request path of the <c>{SourceWriter.XmlDoc(policy.Target.DisplayName)}</c> policy: Kong's <c>cors</c> handler compiled for its configuration.");
            writer.Line("/// </summary>");
            writer.Line(EmittedNames.GeneratedCodeAttribute);
            writer.Open($"file static class {names.RequestPath}");
            writer.Line("/// <summary>The policy class's full name.</summary>");
            writer.Line($"internal const string PolicyName = {SourceWriter.Literal(policy.Target.DisplayName)};");
            writer.Line();
            WriteConstants(writer, policy);
            if (IsConfigured(policy))
            {
                WriteConfiguredOrigins(writer, policy);
            }

            WriteMatchOrigin(writer, policy);
            if (SearchesLiterals(policy.Origins))
            {
                WriteSortedLiterals(writer, policy.Origins);
            }

            if (policy.Origins.HostRegexes is { } hostRegexes)
            {
                writer.Line();
                AutomatonEmitter.Write(writer, "MatchesHostRegexes", "the request's host", hostRegexes);
            }

            if (policy.Origins.OriginRegexes is { } originRegexes)
            {
                writer.Line();
                AutomatonEmitter.Write(writer, "MatchesOriginRegexes", "the normalized origin", originRegexes);
            }

            writer.Line();
            WriteGetAllowOrigin(writer, policy);
            if (facts.HasDecision)
            {
                EvaluateEmitter.Write(writer, policy);
            }

            if (facts.HasRuntime)
            {
                if (!policy.PreflightContinue)
                {
                    writer.Line();
                    WritePreflightAnswer(writer, policy);
                }

                writer.Line();
                WriteResponseHeaders(writer, policy);
            }

            writer.Close();
        }

        private static void WriteConstants(SourceWriter writer, CompiledPolicy policy)
        {
            var any = false;
            if (policy.AllowMethods is not null)
            {
                writer.Line("// P3: Access-Control-Allow-Methods on preflight answers.");
                writer.Line($"private const string AllowMethods = {SourceWriter.Literal(policy.AllowMethods)};");
                any = true;
            }

            if (policy.AllowHeaders is not null)
            {
                writer.Line("// P2: Access-Control-Allow-Headers on preflight answers.");
                writer.Line($"private const string AllowHeaders = {SourceWriter.Literal(policy.AllowHeaders)};");
                any = true;
            }

            if (policy.MaxAge is not null)
            {
                writer.Line("// P4: Access-Control-Max-Age on preflight answers.");
                writer.Line($"private const string MaxAge = {SourceWriter.Literal(policy.MaxAge)};");
                any = true;
            }

            if (policy.ExposeHeaders is not null)
            {
                writer.Line("// A1: Access-Control-Expose-Headers on every other response.");
                writer.Line($"private const string ExposeHeaders = {SourceWriter.Literal(policy.ExposeHeaders)};");
                any = true;
            }

            if (any)
            {
                writer.Line();
            }
        }

        /// <summary>Whether the policy's list goes on with entries read from configuration (<c>OriginsFromConfiguration</c>).</summary>
        internal static bool IsConfigured(CompiledPolicy policy) => policy.Origins.ConfigurationKey is not null;

        /// <summary>The argument that passes the configured origins along, or nothing for a policy fixed at build time.</summary>
        internal static string ConfiguredArgument(CompiledPolicy policy) => IsConfigured(policy) ? ", configured" : "";

        /// <summary>The parameter that takes the configured origins, or nothing for a policy fixed at build time.</summary>
        internal static string ConfiguredParameter(CompiledPolicy policy) => IsConfigured(policy) ? ", KongCorsConfiguredOrigins configured" : "";

        /// <summary>
        /// OriginsFromConfiguration: the attribute's entries, the reading of the configured ones (once per application, by
        /// the policy's <c>Metadata.For</c>) and the list of the attribute's entries alone.
        /// </summary>
        private static void WriteConfiguredOrigins(SourceWriter writer, CompiledPolicy policy)
        {
            var key = policy.Origins.ConfigurationKey!;
            writer.Line("/// <summary>The configuration key whose origin entries follow the attribute's (O10: in that order).</summary>");
            writer.Line($"internal const string ConfigurationKey = {SourceWriter.Literal(key)};");
            writer.Line();
            writer.Line("/// <summary>The attribute's own origin entries, as written: the head of the combined list.</summary>");
            if (policy.Origins.Entries.IsEmpty)
            {
                writer.Line("private static readonly string[] AttributeEntries = Array.Empty<string>();");
            }
            else
            {
                writer.Open("private static readonly string[] AttributeEntries =");
                foreach (var entry in policy.Origins.Entries)
                {
                    writer.Line($"{SourceWriter.Literal(entry)},");
                }

                writer.Close(";");
            }

            writer.Line();
            writer.Line("/// <summary>The attribute's entries alone, for the static GetAllowOrigin and Evaluate, which have no application.</summary>");
            writer.Line("internal static readonly KongCorsConfiguredOrigins WithoutConfiguration = KongCorsConfiguredOrigins.WithoutConfiguration(AttributeEntries);");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Reads and checks the configured entries with the analyzer's rules; a bad entry, a '*' with credentials (C3) or an");
            writer.Line("/// empty combined list (never Kong's allow-all, O1) throws KongCorsConfigurationException, naming the key and each entry;");
            writer.Line("/// the analyzer's warnings for the entries are logged once, with their ids.");
            writer.Line("/// </summary>");
            writer.Line("internal static KongCorsConfiguredOrigins ReadOrigins(IConfiguration configuration, IServiceProvider services) =>");
            writer.Indent().Line($"KongCorsConfiguredOrigins.Read(configuration, ConfigurationKey, PolicyName, AttributeEntries, credentials: {(policy.Credentials ? "true" : "false")}, services);").Outdent();
            writer.Line();
        }

        /// <summary>Kong's <c>configure_origin</c>: the ACAO before credentials, and whether it is "every origin".</summary>
        private static void WriteMatchOrigin(SourceWriter writer, CompiledPolicy policy)
        {
            var origins = policy.Origins;
            writer.Line("/// <summary>");
            writer.Line("/// Kong's <c>configure_origin</c>: the Access-Control-Allow-Origin value for <paramref name=\"origin\"/> before");
            writer.Line("/// credentials are considered, or <see langword=\"null\"/> for none. <paramref name=\"allowAll\"/> is set when the");
            writer.Line("/// answer is <c>*</c> (every origin).");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"origin\">The request's Origin, or <see langword=\"null\"/> when it is absent or D4 refuses it.</param>");
            writer.Line("/// <param name=\"allowAll\">Set when the answer is <c>*</c>.</param>");
            if (IsConfigured(policy))
            {
                writer.Line("/// <param name=\"configured\">The combined list's configured part, read when the application started.</param>");
            }

            writer.Open($"private static string? MatchOrigin(string? origin{ConfiguredParameter(policy)}, out bool allowAll)");
            if (IsConfigured(policy))
            {
                WriteConfiguredModes(writer);
            }

            switch (origins.Mode)
            {
                case OriginMode.AllowAll:
                    writer.Line(origins.Entries.IsEmpty
                        ? "// O1: Origins is not set (or empty): every origin."
                        : "// O1: Origins = [\"*\"]: every origin.");
                    writer.Line("allowAll = true;");
                    writer.Line("return \"*\";");
                    break;

                case OriginMode.SingleLiteral:
                    writer.Line("// O3: a single literal entry is sent as it is, whatever the request's Origin (even none).");
                    writer.Line("allowAll = false;");
                    writer.Line($"return {SourceWriter.Literal(origins.SingleLiteral!)};");
                    break;

                default:
                    WriteListMatch(writer, origins);
                    break;
            }

            writer.Close();
        }

        /// <summary>O1, O3 and O5 of a combined list, which only the configured entries can decide.</summary>
        private static void WriteConfiguredModes(SourceWriter writer)
        {
            writer.Open("if (configured.AllowsEveryOrigin)");
            writer.Line("// O1: the combined list is exactly [\"*\"].");
            writer.Line("allowAll = true;");
            writer.Line("return \"*\";");
            writer.Close();
            writer.Line();
            writer.Open("if (configured.SingleLiteral is { } single)");
            writer.Line("// O3: the combined list is one literal entry, sent as it is whatever the request's Origin (even none).");
            writer.Line("allowAll = false;");
            writer.Line("return single;");
            writer.Close();
            writer.Line();
        }

        private static void WriteListMatch(SourceWriter writer, OriginRules origins)
        {
            writer.Line(origins.HasWildcard ? "// O5: the entries, one of them '*':" : "// O4-O10: the entries, tried in order:");
            foreach (var entry in origins.Entries)
            {
                writer.Line($"//   {SourceWriter.Comment(entry)}");
            }

            if (origins.ConfigurationKey is { } key)
            {
                writer.Line($"//   then those of configuration key {SourceWriter.Comment(key)}, read when the application started");
            }

            writer.Line("allowAll = false;");
            writer.Open("if (origin is null)");
            writer.Line("// O10: with no Origin no entry is tried, so none matches.");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            if (origins.ConfigurationKey is not null && !origins.HasWildcard)
            {
                writer.Open("if (configured.WildcardIndex >= 0)");
                writer.Line("// O5: a configured '*': every request with an Origin gets '*', whatever the other entries.");
                writer.Line("allowAll = true;");
                writer.Line("return \"*\";");
                writer.Close();
                writer.Line();
            }

            if (origins.HasWildcard)
            {
                // PolicyCompiler keeps no other entry of such a list: none can ever decide the answer.
                writer.Line("// O5: Kong meets the '*' while it reads the entries, before it matches any: every request with an Origin");
                writer.Line("// gets '*', whatever the other entries and their order.");
                writer.Line("allowAll = true;");
                writer.Line("return \"*\";");
                return;
            }

            var needsHost = origins.HostRegexes is not null || origins.ConfigurationKey is not null;
            writer.Line($"{EmittedNames.Rules}.Normalize(origin, out var domain, out {(needsHost ? "var host" : "_")});");
            if (!origins.Literals.IsEmpty)
            {
                writer.Line();
                writer.Line("// O8, O9: a literal entry matches when the normalized origins are equal; the answer is the normalized");
                writer.Line("// origin, which is then the entry's own normal form (a constant: no allocation).");
                if (SearchesLiterals(origins))
                {
                    writer.Open($"if ({EmittedNames.Rules}.FindLiteral(Literals, domain) is {{ }} literal)");
                    writer.Line("return literal;");
                    writer.Close();
                }
                else
                {
                    WriteLiteralSwitch(writer, origins);
                }
            }

            WriteRegexMatches(writer, origins);
            if (origins.ConfigurationKey is not null)
            {
                writer.Line();
                writer.Line("// O4-O9: then the configured entries, in their order (O10).");
                writer.Open("if (configured.Matches(origin, domain, host))");
                writer.Line($"return {EmittedNames.Rules}.AllowOriginFor(origin, domain);");
                writer.Close();
            }

            writer.Line();
            writer.Line("// O10: no entry matched.");
            writer.Line("return null;");
        }

        private static void WriteLiteralSwitch(SourceWriter writer, OriginRules origins)
        {
            writer.Open("switch (domain)");
            foreach (var literal in origins.Literals)
            {
                writer.Line($"case {SourceWriter.Literal(literal)}:");
                writer.Indent().Line($"return {SourceWriter.Literal(literal)};").Outdent();
            }

            writer.Close();
        }

        /// <summary>Whether the literal entries are matched by binary search (<see cref="MaxSwitchLiterals"/>) rather than a switch.</summary>
        internal static bool SearchesLiterals(OriginRules origins) =>
            origins.Mode == OriginMode.List && origins.Literals.Count > MaxSwitchLiterals;

        /// <summary>
        /// The literal entries of a long list as an array in ordinal order, for the runtime's binary search: a
        /// <c>switch</c> of hundreds of strings makes a method too large for the JIT to optimize, which then
        /// cost every call of <c>MatchOrigin</c> about a microsecond, even one with no Origin.
        /// </summary>
        private static void WriteSortedLiterals(SourceWriter writer, OriginRules origins)
        {
            // PolicyCompiler keeps each normalized literal once, so the array needs only sorting.
            var sorted = new List<string>(origins.Literals);
            sorted.Sort(StringComparer.Ordinal);
            writer.Line();
            writer.Line($"/// <summary>O8, O9: the {sorted.Count} literal entries, normalized, in ordinal order for a binary search.</summary>");
            writer.Open("private static readonly string[] Literals =");
            foreach (var literal in sorted)
            {
                writer.Line($"{SourceWriter.Literal(literal)},");
            }

            writer.Close(";");
        }

        private static void WriteRegexMatches(SourceWriter writer, OriginRules origins)
        {
            if (origins.HostRegexes is not null)
            {
                writer.Line();
                writer.Line("// O6, O7: regex entries without ':' are matched against the host alone.");
                writer.Open("if (MatchesHostRegexes(host))");
                writer.Line($"return {EmittedNames.Rules}.AllowOriginFor(origin, domain);");
                writer.Close();
            }

            if (origins.OriginRegexes is not null)
            {
                writer.Line();
                writer.Line("// O6, O7: regex entries with a ':' are matched against the normalized scheme://host[:port].");
                writer.Open("if (MatchesOriginRegexes(domain))");
                writer.Line($"return {EmittedNames.Rules}.AllowOriginFor(origin, domain);");
                writer.Close();
            }
        }

        private static void WriteGetAllowOrigin(SourceWriter writer, CompiledPolicy policy)
        {
            writer.Line("/// <summary>The Access-Control-Allow-Origin value for a request with <paramref name=\"requestOrigin\"/> (O1-O10, C3).</summary>");
            writer.Open($"internal static string? GetAllowOrigin(string? requestOrigin{ConfiguredParameter(policy)})");
            writer.Line($"var origin = {EmittedNames.Rules}.ValidOrigin(requestOrigin);");
            if (CanReflectForCredentials(policy))
            {
                writer.Line($"var allowOrigin = MatchOrigin(origin{ConfiguredArgument(policy)}, out var allowAll);");
                writer.Line();
                writer.Line("// C3: with credentials, '*' becomes the request's own Origin.");
                writer.Line("return allowAll && origin is not null ? origin : allowOrigin;");
            }
            else
            {
                writer.Line($"return MatchOrigin(origin{ConfiguredArgument(policy)}, out _);");
            }

            writer.Close();
        }

        /// <summary>P1-P6: the preflight answer.</summary>
        private static void WritePreflightAnswer(SourceWriter writer, CompiledPolicy policy)
        {
            writer.Line("/// <summary>");
            writer.Line("/// P1-P6: answers a preflight with 200, an empty body and the policy's headers. Kong never rejects a");
            writer.Line("/// preflight: a disallowed origin only loses Access-Control-Allow-Origin; the browser does the blocking.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"httpContext\">The preflight.</param>");
            writer.Line("/// <param name=\"requestOrigin\">Its Origin (the first value), which made it a preflight (R1).</param>");
            writer.Line("/// <param name=\"logger\">The logger of the endpoint, when the caller has it at hand; otherwise a rejection looks it up.</param>");
            if (IsConfigured(policy))
            {
                writer.Line("/// <param name=\"configured\">The combined list's configured part, read when the application started.</param>");
            }

            writer.Open($"internal static void WritePreflightAnswer(HttpContext httpContext, string requestOrigin, ILogger? logger{ConfiguredParameter(policy)})");
            if (policy.AllowHeaders is null || policy.PrivateNetwork)
            {
                // Read only to reflect Access-Control-Request-Headers (P2) or answer a private network request (P5).
                writer.Line("var request = httpContext.Request;");
            }

            writer.Line("var response = httpContext.Response;");
            writer.Line("var headers = response.Headers;");
            writer.Line();
            if (policy.Origins.Mode == OriginMode.List)
            {
                writer.Line("// O10 below: only an earlier step can have set an Access-Control-Allow-Origin to remove.");
                writer.Line("var earlierHeaders = headers.Count != 0;");
                writer.Line();
            }

            writer.Line("// P1: 200, whatever status an earlier step (a failed parameter binding) preset.");
            writer.Line("response.StatusCode = 200;");
            writer.Line();
            WriteOriginHeaders(writer, policy, preflight: true);
            writer.Line();

            if (policy.AllowHeaders is not null)
            {
                writer.Line("// P2: the configured Headers.");
                writer.Line("headers.AccessControlAllowHeaders = AllowHeaders;");
            }
            else
            {
                writer.Line("// P2: no Headers configured: reflect Access-Control-Request-Headers when it is a list of header names (D4).");
                writer.Line($"var requestedHeaders = {EmittedNames.Runtime}.First(request.Headers.AccessControlRequestHeaders);");
                writer.Open($"if ({EmittedNames.Rules}.IsHeaderNameList(requestedHeaders))");
                writer.Line("headers.AccessControlAllowHeaders = requestedHeaders;");
                writer.Close();
                writer.Open("else");
                writer.Line("headers.Remove(\"Access-Control-Allow-Headers\");");
                writer.Close();
            }

            writer.Line();
            if (policy.AllowMethods is not null)
            {
                writer.Line("// P3: the configured Methods (D1: GET,HEAD,PUT,PATCH,POST,DELETE when not set).");
                writer.Line("headers.AccessControlAllowMethods = AllowMethods;");
            }
            else
            {
                writer.Line("// P3: Methods = []: Kong sends a blank Access-Control-Allow-Methods, which allows only the safelisted methods;");
                writer.Line("// not sending it means the same to a browser.");
            }

            if (policy.MaxAge is not null)
            {
                writer.Line();
                writer.Line("// P4: Max-Age whenever MaxAge is set, 0 included.");
                writer.Line("headers.AccessControlMaxAge = MaxAge;");
            }

            if (policy.PrivateNetwork)
            {
                writer.Line();
                writer.Line("// P5: private network access, only when asked for with exactly \"true\"; independent of the origin.");
                writer.Open($"if ({EmittedNames.Runtime}.First(request.Headers[\"Access-Control-Request-Private-Network\"]) == \"true\")");
                writer.Line("headers[\"Access-Control-Allow-Private-Network\"] = \"true\";");
                writer.Close();
            }

            writer.Line();
            writer.Line("// P1: an empty body.");
            writer.Line("response.ContentLength = 0;");
            writer.Close();
        }

        /// <summary>A1-A4: the headers of every response that is not an answered preflight.</summary>
        private static void WriteResponseHeaders(SourceWriter writer, CompiledPolicy policy)
        {
            writer.Line("/// <summary>");
            writer.Line("/// A1: the headers of every response that is not an answered preflight: actual requests, OPTIONS requests");
            writer.Line("/// that are not preflights, and error responses (A2). Never Allow-Methods, Allow-Headers or Max-Age.");
            writer.Line("/// </summary>");
            if (IsConfigured(policy))
            {
                writer.Line("/// <param name=\"httpContext\">The request, whose response starts.</param>");
                writer.Line("/// <param name=\"configured\">The combined list's configured part, read when the application started.</param>");
            }

            writer.Open($"internal static void ApplyResponseHeaders(HttpContext httpContext{ConfiguredParameter(policy)})");
            writer.Line($"var requestOrigin = {EmittedNames.Runtime}.First(httpContext.Request.Headers.Origin);");
            if (!policy.AllowOriginAbsent)
            {
                writer.Open("if (string.IsNullOrEmpty(requestOrigin))");
                writer.Line("// A4: AllowOriginAbsent = false: a request without an Origin gets nothing from this policy.");
                writer.Line("return;");
                writer.Close();
                writer.Line();
            }

            writer.Line("var headers = httpContext.Response.Headers;");
            WriteOriginHeaders(writer, policy, preflight: false);
            if (policy.ExposeHeaders is not null)
            {
                writer.Line();
                writer.Line("// A1: the configured ExposedHeaders, replacing any value.");
                writer.Line("headers.AccessControlExposeHeaders = ExposeHeaders;");
            }

            writer.Close();
        }

        /// <summary>
        /// Vary (O2, A3, P6), Access-Control-Allow-Origin (O1-O10) and credentials (C1-C3), in Kong's order:
        /// <c>configure_origin</c>, then <c>configure_credentials</c>.
        /// </summary>
        private static void WriteOriginHeaders(SourceWriter writer, CompiledPolicy policy, bool preflight)
        {
            var mode = policy.Origins.Mode;
            var configured = IsConfigured(policy);
            writer.Line($"var origin = {EmittedNames.Rules}.ValidOrigin(requestOrigin);");

            var reflects = CanReflectForCredentials(policy);
            writer.Line(reflects
                ? $"var allowOrigin = MatchOrigin(origin{ConfiguredArgument(policy)}, out var allowAll);"
                : $"var allowOrigin = MatchOrigin(origin{ConfiguredArgument(policy)}, out _);");

            var varyStatement = preflight ? "headers.Vary = \"Origin\";" : $"{EmittedNames.Runtime}.AppendVaryOrigin(headers);";
            if (configured)
            {
                writer.Line();
                writer.Line(preflight
                    ? "// O2: the answer depends on Origin unless the combined list is exactly [\"*\"] (O1); a preflight replaces Vary (P6)."
                    : "// O2, A3: the answer depends on Origin unless the combined list is exactly [\"*\"] (O1); appended to the endpoint's Vary.");
                writer.Open("if (!configured.AllowsEveryOrigin)");
                writer.Line(varyStatement);
                writer.Close();
            }
            else if (mode != OriginMode.AllowAll)
            {
                writer.Line();
                writer.Line(preflight
                    ? "// O2: the answer depends on Origin, even when it matched nothing; a preflight replaces Vary (P6)."
                    : "// O2, A3: the answer depends on Origin, even when it matched nothing; appended to the endpoint's own Vary.");
                writer.Line(varyStatement);
            }

            if (policy.Credentials)
            {
                writer.Line();
                if (reflects)
                {
                    writer.Open("if (!allowAll)");
                    writer.Line("// C2: credentials on every response of a policy that lists its origins, matched or not.");
                    writer.Line("headers.AccessControlAllowCredentials = \"true\";");
                    writer.Close();
                    writer.Open("else if (origin is not null)");
                    writer.Line("// C3: '*' cannot carry credentials, so Kong reflects the request's Origin (CORS003 rejects this at");
                    writer.Line("// build time; the rule holds when the error is suppressed).");
                    if (mode == OriginMode.AllowAll)
                    {
                        writer.Line(varyStatement);
                    }
                    else if (configured)
                    {
                        writer.Open("if (configured.AllowsEveryOrigin)");
                        writer.Line(varyStatement);
                        writer.Close();
                    }

                    writer.Line("allowOrigin = origin;");
                    writer.Line("headers.AccessControlAllowCredentials = \"true\";");
                    writer.Close();
                }
                else
                {
                    writer.Line("// C2: credentials on every response of a policy that lists its origins, matched or not.");
                    writer.Line("headers.AccessControlAllowCredentials = \"true\";");
                }
            }

            if (mode == OriginMode.List)
            {
                writer.Line();
                writer.Open("if (allowOrigin is null)");
                writer.Line("// O10: no match: no Access-Control-Allow-Origin, not even one the endpoint set.");
                if (preflight)
                {
                    writer.Open("if (earlierHeaders)");
                    writer.Line("headers.Remove(\"Access-Control-Allow-Origin\");");
                    writer.Close();
                    writer.Line();

                    // A preflight has a non-empty Origin (R1), and its caller's logger when it has one.
                    writer.Line($"{EmittedNames.Runtime}.LogNoAllowOrigin(httpContext, logger, PolicyName, requestOrigin, origin is not null);");
                }
                else
                {
                    writer.Line("headers.Remove(\"Access-Control-Allow-Origin\");");
                    writer.Open("if (!string.IsNullOrEmpty(requestOrigin))");
                    writer.Line($"{EmittedNames.Runtime}.LogNoAllowOrigin(httpContext, null, PolicyName, requestOrigin, origin is not null);");
                    writer.Close();
                }

                writer.Close();
                writer.Open("else");
                writer.Line("headers.AccessControlAllowOrigin = allowOrigin;");
                writer.Close();
            }
            else
            {
                writer.Line();
                writer.Line(mode == OriginMode.AllowAll
                    ? "// O1 (or C3): every origin."
                    : "// O3: the single literal entry.");
                writer.Line("headers.AccessControlAllowOrigin = allowOrigin;");
            }
        }

        /// <summary>Whether C3 can apply: credentials and a configuration whose answer can be <c>*</c>.</summary>
        internal static bool CanReflectForCredentials(CompiledPolicy policy) =>
            policy.Credentials && (policy.Origins.Mode == OriginMode.AllowAll || policy.Origins.HasWildcard);

        // A configured policy with credentials cannot answer '*': the attribute's '*' is CORS003 at build time, a configured
        // one fails the application at startup; so C3 is written only where the attribute has the (suppressed) '*'.
    }
}
