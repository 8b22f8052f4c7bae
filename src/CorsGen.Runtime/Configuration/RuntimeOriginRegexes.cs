using System;
using System.Collections.Generic;
using CorsGen.Policy;

namespace CorsGen.Runtime
{
    /// <summary>
    /// A problem of one origin entry found when it is compiled at startup: the analyzer's id and message for the same entry
    /// (CORS001, CORS002...), so a configuration error reads as the build error would.
    /// </summary>
    /// <param name="Index">The entry's index in the list.</param>
    /// <param name="Entry">The entry as configured.</param>
    /// <param name="DiagnosticId">CORS001 or CORS002.</param>
    /// <param name="Message">The analyzer's message.</param>
    /// <param name="IsWarning">A warning (or info) of the analyzer: logged at startup, not a failure.</param>
    public readonly record struct RuntimeOriginProblem(int Index, string Entry, string DiagnosticId, string Message, bool IsWarning = false);

    /// <summary>
    /// Issue 15, step 1: origin regex entries known only at run time, compiled when the application starts by the
    /// generator's own parser and automaton builder (linked sources): Kong's adjustment (O6), host-only entries matched
    /// against the host (O7), every entry of a kind in one DFA, the NFA past the DFA state cap. Matching reads each char
    /// once; there is no backtracking and no System.Text.RegularExpressions.
    /// </summary>
    internal sealed class RuntimeOriginRegexes
    {
        private readonly RuntimeDfa? _hostDfa;
        private readonly RuntimeNfa? _hostNfa;
        private readonly RuntimeDfa? _originDfa;
        private readonly RuntimeNfa? _originNfa;

        private RuntimeOriginRegexes(RuntimeDfa? hostDfa, RuntimeNfa? hostNfa, RuntimeDfa? originDfa, RuntimeNfa? originNfa)
        {
            _hostDfa = hostDfa;
            _hostNfa = hostNfa;
            _originDfa = originDfa;
            _originNfa = originNfa;
        }

        /// <summary>Whether some entry is matched against the host (O7).</summary>
        public bool HasHostEntries => _hostDfa is not null || _hostNfa is not null;

        /// <summary>Whether some entry is matched against the normalized origin.</summary>
        public bool HasOriginEntries => _originDfa is not null || _originNfa is not null;

        /// <summary>
        /// Compiles the regex entries of <paramref name="entries"/> (literal entries and <c>*</c> are the caller's) as the
        /// generator does (<see cref="OriginRegex.Validate"/>, <see cref="PolicyCompiler.CompileRegexes"/>); adds each error:
        /// an entry PCRE2 rejects (CORS001) or no automaton can express (CORS002), which is left out.
        /// </summary>
        public static RuntimeOriginRegexes Compile(IReadOnlyList<string> entries, List<RuntimeOriginProblem> problems)
        {
            var host = new List<(int Index, OriginRegex Regex)>();
            var origin = new List<(int Index, OriginRegex Regex)>();
            var found = new List<PolicyProblem>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (OriginEntry.Classify(entries[i]) != OriginEntryKind.Regex)
                {
                    continue;
                }

                var regex = OriginRegex.Parse(entries[i]);
                var before = found.Count;
                regex.Validate(i, found);
                if (found.Count == before)
                {
                    (regex.HostOnly ? host : origin).Add((i, regex));
                }
            }

            var hostRegexes = PolicyCompiler.CompileRegexes(host, found);
            var originRegexes = PolicyCompiler.CompileRegexes(origin, found);
            foreach (var problem in found)
            {
                // Errors only: the state-cap warning (CORS011) is the caller's checks' to report.
                var converted = OriginEntryChecks.ToRuntime(problem, entries[problem.Index]);
                if (!converted.IsWarning)
                {
                    problems.Add(converted);
                }
            }

            return From(hostRegexes, originRegexes);
        }

        /// <summary>The matchers of automata the analyzer's compilation of the list already built (PolicyCompiler).</summary>
        public static RuntimeOriginRegexes From(RegexMatcher? host, RegexMatcher? origin) =>
            new(DfaOf(host), host?.Nfa is { } hostNfa ? new RuntimeNfa(hostNfa) : null, DfaOf(origin), origin?.Nfa is { } originNfa ? new RuntimeNfa(originNfa) : null);

        private static RuntimeDfa? DfaOf(RegexMatcher? matcher) =>
            matcher?.Dfa is { } dfa ? new RuntimeDfa(dfa, matcher.RequiredSuffix, matcher.SuffixBeforeFinalNewline) : null;

        /// <summary>O6, O7: whether a regex entry without <c>:</c> matches the request's host.</summary>
        public bool MatchesHost(ReadOnlySpan<char> host) =>
            _hostDfa is { } dfa ? dfa.IsMatch(host) : _hostNfa is { } nfa && nfa.IsMatch(host);

        /// <summary>O6, O7: whether a regex entry with a <c>:</c> matches the normalized <c>scheme://host[:port]</c>.</summary>
        public bool MatchesOrigin(ReadOnlySpan<char> origin) =>
            _originDfa is { } dfa ? dfa.IsMatch(origin) : _originNfa is { } nfa && nfa.IsMatch(origin);
    }
}
