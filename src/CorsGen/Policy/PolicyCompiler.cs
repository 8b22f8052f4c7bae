using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// Second step of the pipeline: validates a <see cref="PolicySpec"/> and computes everything the
    /// emitted code needs. Returns null for a policy that cannot be generated (the analyzer reports why).
    /// </summary>
    internal static class PolicyCompiler
    {
        /// <summary>D1: the seed document's default methods, used when <c>Methods</c> is not set.</summary>
        public const string DefaultMethods = "GET,HEAD,PUT,PATCH,POST,DELETE";

        public static CompiledPolicy? Compile(PolicyDeclaration declaration, CancellationToken cancellationToken)
        {
            var spec = declaration.Spec;
            var origins = OriginEntries.Of(spec.Origins);
            if (PolicyValidator.BlocksGeneration(PolicyValidator.Validate(spec, origins)))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new CompiledPolicy(
                declaration.Target,
                CompileOrigins(origins, spec.OriginsFromConfiguration, problems: null),
                spec.Credentials,
                AllowMethods(spec.Methods),
                JoinNonEmpty(spec.Headers),
                JoinNonEmpty(spec.ExposedHeaders),
                spec.MaxAge?.ToString(CultureInfo.InvariantCulture),
                spec.PreflightContinue,
                spec.PrivateNetwork,
                spec.AllowOriginAbsent);
        }

        /// <summary>
        /// Every problem of a policy, for the analyzer: the validator's errors; when the policy can be generated,
        /// what only compiling it reveals (an automaton over its state cap); and the lint warnings, which the
        /// generator never needs (they do not change the code).
        /// </summary>
        public static List<PolicyProblem> Diagnose(PolicySpec spec) => Diagnose(spec, out _);

        /// <summary>As <see cref="Diagnose(PolicySpec)"/>, and the origin rules it compiled (null when an error blocks them).</summary>
        public static List<PolicyProblem> Diagnose(PolicySpec spec, out OriginRules? compiled)
        {
            var origins = OriginEntries.Of(spec.Origins);
            var problems = PolicyValidator.Validate(spec, origins);
            compiled = null;
            if (!PolicyValidator.BlocksGeneration(problems))
            {
                compiled = CompileOrigins(origins, spec.OriginsFromConfiguration, problems);
            }

            OriginLint.Check(spec, origins, problems);
            SettingsLint.Check(spec, problems);
            return problems;
        }

        /// <summary>The origin rules the generator compiles for a policy it can generate (each entry's test included), or null.</summary>
        public static OriginRules? OriginsOf(PolicySpec spec)
        {
            var origins = OriginEntries.Of(spec.Origins);
            return PolicyValidator.BlocksGeneration(PolicyValidator.Validate(spec, origins)) ? null : CompileOrigins(origins, spec.OriginsFromConfiguration, problems: null);
        }

        private static OriginRules CompileOrigins(OriginEntries origins, string? configurationKey, List<PolicyProblem>? problems)
        {
            var entries = new List<string>();
            foreach (var entry in origins.Items)
            {
                entries.Add(entry.Text!);
            }

            var configured = EquatableArray.From(entries);

            // With OriginsFromConfiguration the list goes on at run time: the attribute's entries are compiled as the head of
            // a list (O10), and the combined list's O1 or O3 is decided once its configured entries are read.
            if (configurationKey is not null)
            {
                return CompileList(origins, configured, problems) with { ConfigurationKey = configurationKey };
            }

            // O1: unset, empty or exactly ["*"].
            if (entries.Count == 0 || (entries.Count == 1 && origins.Items[0].Kind == OriginEntryKind.Wildcard))
            {
                return new OriginRules(OriginMode.AllowAll, configured, null, EquatableArray<string>.Empty, false, null, null);
            }

            // O3: a single literal-looking entry is echoed as it is.
            if (entries.Count == 1 && origins.Items[0].Kind == OriginEntryKind.Literal)
            {
                return new OriginRules(OriginMode.SingleLiteral, configured, entries[0], EquatableArray<string>.Empty, false, null, null);
            }

            return CompileList(origins, configured, problems);
        }

        /// <summary>O4-O10: the entries as a list tried in order.</summary>
        private static OriginRules CompileList(OriginEntries origins, EquatableArray<string> configured, List<PolicyProblem>? problems)
        {
            // O5: Kong returns '*' as soon as it meets the '*' entry, while it reads the list and before it matches any
            // entry: with an Origin, the answer is '*' whatever the other entries, so none of them is compiled.
            foreach (var entry in origins.Items)
            {
                if (entry.Kind == OriginEntryKind.Wildcard)
                {
                    return new OriginRules(OriginMode.List, configured, null, EquatableArray<string>.Empty, true, null, null);
                }
            }

            var literals = new List<string>();
            var hostRegexes = new List<(int Index, OriginRegex Regex)>();
            var originRegexes = new List<(int Index, OriginRegex Regex)>();
            foreach (var entry in origins.Items)
            {
                if (entry.Kind == OriginEntryKind.Literal)
                {
                    if (!literals.Contains(entry.Normalized!))
                    {
                        literals.Add(entry.Normalized!);
                    }
                }
                else
                {
                    (entry.Regex!.HostOnly ? hostRegexes : originRegexes).Add((entry.Index, entry.Regex));
                }
            }

            return new OriginRules(
                OriginMode.List,
                configured,
                null,
                EquatableArray.From(literals),
                false,
                CompileRegexes(hostRegexes, problems),
                CompileRegexes(originRegexes, problems),
                problems is null ? EntryTests(origins, hostRegexes.Count, originRegexes.Count) : default);
        }

        /// <summary>
        /// Each entry on its own, for Evaluate: a regex entry gets its own automaton only when its kind's automaton holds
        /// others too. Only the generator needs them (the analyzer passes <c>problems</c> and skips them).
        /// </summary>
        private static EquatableArray<EntryTest> EntryTests(OriginEntries origins, int hostRegexCount, int originRegexCount)
        {
            var tests = new List<EntryTest>(origins.Items.Count);
            foreach (var entry in origins.Items)
            {
                if (entry.Kind == OriginEntryKind.Literal)
                {
                    tests.Add(new EntryTest(entry.Normalized, false, null));
                    continue;
                }

                var regex = entry.Regex!;
                var shared = (regex.HostOnly ? hostRegexCount : originRegexCount) > 1;
                var own = shared ? CompileRegexes(new List<(int, OriginRegex)> { (entry.Index, regex) }, problems: null) : null;
                tests.Add(new EntryTest(null, regex.HostOnly, own));
            }

            return EquatableArray.From(tests);
        }

        /// <summary>
        /// All regex entries of one subject kind as one automaton (O6, O7), or null when there are none (or the NFA is over its
        /// cap: CORS002 on the entry that caused it). Shared with CorsGen.Runtime, which compiles configured entries so.
        /// </summary>
        internal static RegexMatcher? CompileRegexes(List<(int Index, OriginRegex Regex)> regexes, List<PolicyProblem>? problems)
        {
            if (regexes.Count == 0)
            {
                return null;
            }

            var trees = new List<Pcre.RegexNode>(regexes.Count);
            var patterns = new List<string>(regexes.Count);
            foreach (var (_, regex) in regexes)
            {
                trees.Add(regex.Tree!);
                patterns.Add(regex.Adjusted);
            }

            var (suffix, beforeNewline) = RegexSuffix.Common(trees);
            var automaton = Automata.RegexAutomaton.Build(trees);
            if (automaton.Dfa is { } dfa)
            {
                return new RegexMatcher(EquatableArray.From(patterns), dfa, null, suffix, beforeNewline);
            }

            if (automaton.Nfa is { } nfa)
            {
                foreach (var (index, regex) in regexes)
                {
                    problems?.Add(PolicyProblem.ForElement(
                        Diagnostics.AutomatonStateCap.Id, PolicySetting.Origins, index,
                        regex.Entry, Automata.DfaBuilder.DefaultMaxStates.ToString(CultureInfo.InvariantCulture)));
                }

                return new RegexMatcher(EquatableArray.From(patterns), null, nfa, suffix, beforeNewline);
            }

            // The NFA itself is over its cap (huge {n,m} counts): report it on the entry that caused it.
            var culprit = regexes[automaton.Culprit];
            problems?.Add(PolicyProblem.ForElement(Diagnostics.UnsupportedRegex.Id, PolicySetting.Origins, culprit.Index, culprit.Regex.Entry, "it is too large to compile"));
            return null;
        }

        private static string? AllowMethods(EquatableArray<string?>? methods)
        {
            if (methods is null)
            {
                return DefaultMethods;
            }

            var joined = Join(methods.Value);
            return joined.Length == 0 ? null : joined;
        }

        /// <summary>Kong treats an empty <c>headers</c>/<c>exposed_headers</c> list as unset.</summary>
        private static string? JoinNonEmpty(EquatableArray<string?>? values) =>
            values is { Count: > 0 } list ? Join(list) : null;

        private static string Join(EquatableArray<string?> values) => string.Join(",", values.AsImmutableArray());
    }
}
