using System;
using System.Collections.Generic;
using System.Globalization;
using CorsGen.Automata;
using CorsGen.Pcre;
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
        /// Compiles the regex entries of <paramref name="entries"/> (literal entries and <c>*</c> are the caller's); adds a
        /// problem for each entry PCRE2 rejects (CORS001) or no automaton can express (CORS002), which are left out.
        /// </summary>
        public static RuntimeOriginRegexes Compile(IReadOnlyList<string> entries, List<RuntimeOriginProblem> problems)
        {
            var host = new List<(int Index, OriginRegex Regex)>();
            var origin = new List<(int Index, OriginRegex Regex)>();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (OriginEntry.Classify(entry) != OriginEntryKind.Regex)
                {
                    continue;
                }

                var regex = OriginRegex.Parse(entry);
                if (Check(i, regex, problems))
                {
                    (regex.HostOnly ? host : origin).Add((i, regex));
                }
            }

            var (hostDfa, hostNfa) = Build(host, problems);
            var (originDfa, originNfa) = Build(origin, problems);
            return new RuntimeOriginRegexes(hostDfa, hostNfa, originDfa, originNfa);
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

        /// <summary>CORS001 and CORS002 as the analyzer words them (OriginRegex.Validate); true when the entry can be compiled.</summary>
        private static bool Check(int index, OriginRegex regex, List<RuntimeOriginProblem> problems)
        {
            if (regex.Configured.Error is { } error)
            {
                problems.Add(new RuntimeOriginProblem(index, regex.Entry, "CORS001", InvalidRegex(regex.Entry, error)));
                return false;
            }

            if (regex.Runtime.Error is { } adjustedError)
            {
                problems.Add(new RuntimeOriginProblem(index, regex.Entry, "CORS001", string.Format(
                    CultureInfo.InvariantCulture, Diagnostics.InvalidRegex.MessageFormat,
                    regex.Adjusted, adjustedError.Message + " once Kong anchors it", adjustedError.Code, adjustedError.Offset)));
                return false;
            }

            foreach (var unsupported in regex.Runtime.Unsupported)
            {
                problems.Add(new RuntimeOriginProblem(index, regex.Entry, "CORS002", Unsupported(regex.Entry, "it uses " + unsupported.Construct)));
            }

            return regex.Runtime.Unsupported.IsEmpty;
        }

        private static (RuntimeDfa? Dfa, RuntimeNfa? Nfa) Build(List<(int Index, OriginRegex Regex)> regexes, List<RuntimeOriginProblem> problems)
        {
            if (regexes.Count == 0)
            {
                return (null, null);
            }

            var trees = new List<RegexNode>(regexes.Count);
            foreach (var (_, regex) in regexes)
            {
                trees.Add(regex.Tree!);
            }

            var automaton = RegexAutomaton.Build(trees);
            if (automaton.Dfa is not null || automaton.Nfa is not null)
            {
                return (automaton.Dfa is { } dfa ? new RuntimeDfa(dfa, "", false) : null, automaton.Nfa is { } nfa ? new RuntimeNfa(nfa) : null);
            }

            var culprit = regexes[automaton.Culprit];
            problems.Add(new RuntimeOriginProblem(culprit.Index, culprit.Regex.Entry, "CORS002", Unsupported(culprit.Regex.Entry, "it is too large to compile")));
            return (null, null);
        }

        // The analyzer's own message formats (Diagnostics.cs is compiled into this assembly too).
        private static string InvalidRegex(string entry, PcreSyntaxError error) => string.Format(
            CultureInfo.InvariantCulture, Diagnostics.InvalidRegex.MessageFormat, entry, error.Message, error.Code, error.Offset);

        private static string Unsupported(string entry, string why) => string.Format(
            CultureInfo.InvariantCulture, Diagnostics.UnsupportedRegex.MessageFormat, entry, why);
    }
}
