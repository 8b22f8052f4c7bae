using System;
using System.Collections.Generic;
using System.Globalization;
using CorsGen.Automata;
using CorsGen.Model;
using CorsGen.Pcre;

namespace CorsGen.Policy
{
    /// <summary>
    /// The analyzer's warnings about <c>Origins</c>: entries that are insecure (CORS020-CORS025) or can
    /// never work (CORS030-CORS033, CORS042-CORS044). What a regex matches is decided on its automaton,
    /// and messages quote a subject it really accepts.
    /// </summary>
    internal static class OriginLint
    {
        private static readonly Lazy<Dfa?> LoopbackOrigins = new Lazy<Dfa?>(() => Compile(@"http://(localhost|[a-z0-9.-]*\.localhost|127\.[0-9]+\.[0-9]+\.[0-9]+|::1|\[::1\])(:[0-9]*)?$"));

        /// <summary>What a normalized origin can look like (O8): <c>scheme://host[:port]</c>, or <c>null</c>.</summary>
        private static readonly Lazy<Dfa?> OriginShapes = new Lazy<Dfa?>(() => Compile(@"(null|[a-z][a-z0-9+.-]*://[^/?#@]+)$"));

        /// <summary>What a host can look like (O7); an origin without an authority (<c>null</c>) is its own host.</summary>
        private static readonly Lazy<Dfa?> HostShapes = new Lazy<Dfa?>(() => Compile(@"[^/?#@]+$"));

        private static readonly Lazy<Dfa?> LoopbackHosts = new Lazy<Dfa?>(() => Compile(@"(localhost|[a-z0-9.-]*\.localhost|127\.[0-9]+\.[0-9]+\.[0-9]+|::1)$"));

        public static void Check(PolicySpec spec, OriginEntries origins, List<PolicyProblem> problems)
        {
            var seenLiterals = new Dictionary<string, int>(StringComparer.Ordinal);
            var seenRegexes = new Dictionary<string, int>(StringComparer.Ordinal);
            var firstWildcard = FirstWildcard(origins);
            foreach (var origin in origins.Items)
            {
                if (origin.Kind is not { } kind)
                {
                    continue;
                }

                var i = origin.Index;
                var entry = origin.Text!;
                if (firstWildcard >= 0 && kind != OriginEntryKind.Wildcard)
                {
                    // O5: Kong answers '*' to every Origin as soon as it meets the '*', before or after this entry.
                    problems.Add(PolicyProblem.ForElement(Diagnostics.UnreachableEntry.Id, PolicySetting.Origins, i, entry));
                    continue;
                }

                switch (kind)
                {
                    case OriginEntryKind.Wildcard:
                        if (i != firstWildcard)
                        {
                            problems.Add(Duplicate(i, entry, firstWildcard));
                        }

                        break;

                    case OriginEntryKind.Literal:
                        var normalized = origin.Normalized!;
                        if (seenLiterals.TryGetValue(normalized, out var firstLiteral))
                        {
                            problems.Add(Duplicate(i, entry, firstLiteral, normalized == entry ? "" : " once normalized (" + normalized + ")"));
                            continue;
                        }

                        seenLiterals[normalized] = i;
                        CheckLiteral(spec, i, entry, problems);
                        break;

                    default:
                        if (seenRegexes.TryGetValue(entry, out var firstRegex))
                        {
                            problems.Add(Duplicate(i, entry, firstRegex));
                            continue;
                        }

                        seenRegexes[entry] = i;
                        CheckRegex(spec, i, origin.Regex!, problems);
                        break;
                }
            }
        }

        /// <summary>The index of the first <c>*</c> entry, or -1.</summary>
        private static int FirstWildcard(OriginEntries origins)
        {
            foreach (var origin in origins.Items)
            {
                if (origin.Kind == OriginEntryKind.Wildcard)
                {
                    return origin.Index;
                }
            }

            return -1;
        }

        private static PolicyProblem Duplicate(int index, string entry, int first, string how = "") =>
            PolicyProblem.ForElement(Diagnostics.Duplicate.Id, PolicySetting.Origins, index, "Origins", entry, first.ToString(CultureInfo.InvariantCulture), how);

        private static void CheckLiteral(PolicySpec spec, int index, string entry, List<PolicyProblem> problems)
        {
            if (entry == "null" || entry.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.NullOrFileOrigin.Id, PolicySetting.Origins, index, entry, entry));
                return;
            }

            for (var c = 0; c < entry.Length; c++)
            {
                if (entry[c] >= 'A' && entry[c] <= 'Z')
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.UpperCaseOrigin.Id, PolicySetting.Origins, index, entry, "it"));
                    break;
                }
            }

            var separator = entry.IndexOf("://", StringComparison.Ordinal);
            if (separator < 0)
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.SchemeLessLiteral.Id, PolicySetting.Origins, index, entry));
                return;
            }

            var pathStart = entry.IndexOf('/', separator + 3);
            if (pathStart >= 0)
            {
                var what = pathStart == entry.Length - 1 ? "a trailing slash" : "a path ('" + entry.Substring(pathStart) + "')";
                problems.Add(PolicyProblem.ForValueSpan(Diagnostics.OriginWithPath.Id, PolicySetting.Origins, index, pathStart, entry.Length - pathStart, entry, what));
            }

            var origin = KongOrigin.Normalize(entry);
            if (spec.Credentials && entry.StartsWith("http://", StringComparison.Ordinal) && !HttpNames.IsLoopbackHost(origin.Host))
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.InsecureOriginWithCredentials.Id, PolicySetting.Origins, index, entry, origin.Domain));
            }
        }

        private static void CheckRegex(PolicySpec spec, int index, OriginRegex regex, List<PolicyProblem> problems)
        {
            var entry = regex.Entry;
            if (GlobOrigin.LooksLikeGlob(entry))
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.GlobPattern.Id, PolicySetting.Origins, index, entry));
            }

            if (regex.Tree is not { } tree || DfaBuilder.Build(tree).Dfa is not { } dfa)
            {
                // Invalid or unsupported (CORS001, CORS002), or too large to reason about (CORS011).
                return;
            }

            if (regex.HostOnly && RegexWitness.Find(dfa) is not null && !RegexWitness.AcceptsWithout(dfa, '/'))
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.HostRegexCannotMatch.Id, PolicySetting.Origins, index, entry));
                return;
            }

            if (RegexWitness.Find(dfa, within: (regex.HostOnly ? HostShapes : OriginShapes).Value) is null)
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.RegexMatchesNothing.Id, PolicySetting.Origins, index, entry, regex.Adjusted));
                return;
            }

            CheckUpperCase(regex, index, problems);
            CheckUnescapedDots(regex, dfa, index, problems);
            CheckAlternation(regex, dfa, index, problems);
            CheckLabelBoundary(regex, dfa, tree, index, problems);

            foreach (var dangerous in new[] { "null", "file://" })
            {
                if (dfa.IsMatch(dangerous))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.NullOrFileOrigin.Id, PolicySetting.Origins, index, entry, dangerous));
                }
            }

            if (spec.Credentials)
            {
                var insecure = regex.HostOnly
                    ? RegexWitness.Find(dfa, LoopbackHosts.Value) is { } host ? "http://" + host : null
                    : RegexWitness.Find(dfa, LoopbackOrigins.Value, "http://");
                if (insecure is not null)
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.InsecureOriginWithCredentials.Id, PolicySetting.Origins, index, entry, insecure));
                }
            }
        }

        /// <summary>CORS030: a literal upper-case letter can never match a browser's lower-case origin.</summary>
        private static void CheckUpperCase(OriginRegex regex, int index, List<PolicyProblem> problems)
        {
            foreach (var node in RegexTree.Nodes(regex.Runtime.Root!))
            {
                if (node is SetNode set && IsOnlyUpperCase(set.Set))
                {
                    var (start, length) = regex.EntrySpan(node);
                    problems.Add(PolicyProblem.ForValueSpan(Diagnostics.UpperCaseOrigin.Id, PolicySetting.Origins, index, start, length, regex.Entry, "the part '" + regex.Entry.Substring(start, length) + "'"));
                    return;
                }
            }
        }

        /// <summary>CORS021: a '.' between letters or digits, as in a host name, that matches any character.</summary>
        private static void CheckUnescapedDots(OriginRegex regex, Dfa dfa, int index, List<PolicyProblem> problems)
        {
            var dots = new List<SetNode>();
            foreach (var node in RegexTree.Nodes(regex.Runtime.Root!))
            {
                if (node is SequenceNode sequence)
                {
                    for (var i = 1; i + 1 < sequence.Items.Length; i++)
                    {
                        if (sequence.Items[i] is SetNode dot && dot.Set.Contains('a') && dot.Set.Contains('.') && IsSourceDot(regex, dot)
                            && EdgeIsLabelChar(sequence.Items[i - 1], last: true) && EdgeIsLabelChar(sequence.Items[i + 1], last: false))
                        {
                            dots.Add(dot);
                        }
                    }
                }
            }

            // For each such dot, the entry as meant (that dot escaped): what it allows and the meant one does not is the proof.
            foreach (var dot in dots)
            {
                var meant = regex.Adjusted.Insert(regex.Runtime.ToCharOffset(dot.Offset), "\\");
                if (Compile(meant) is { } meantDfa && RegexWitness.Find(dfa, meantDfa) is { } witness)
                {
                    var (start, length) = regex.EntrySpan(dot);
                    problems.Add(PolicyProblem.ForValueSpan(Diagnostics.UnescapedDot.Id, PolicySetting.Origins, index, start, length, regex.Entry, witness));
                }
            }
        }

        /// <summary>CORS023: Kong's appended '$' anchors only the last branch of a top-level alternation.</summary>
        private static void CheckAlternation(OriginRegex regex, Dfa dfa, int index, List<PolicyProblem> problems)
        {
            if (RegexTree.Unwrap(regex.Runtime.Root!) is not AlternationNode)
            {
                return;
            }

            if (Compile("(?:" + regex.Body + ")$") is not { } meant)
            {
                return;
            }

            var witness = RegexWitness.Find(dfa, meant);
            if (witness is not null)
            {
                // Make the proof read like an attack: the allowed text followed by a domain of the attacker's.
                var attack = witness.Substring(0, witness.Length - 1) + ".evil.example";
                problems.Add(PolicyProblem.ForElement(Diagnostics.PartlyAnchoredAlternation.Id, PolicySetting.Origins, index, regex.Entry, dfa.IsMatch(attack) ? attack : witness));
            }
        }

        /// <summary>CORS022: a domain suffix reached from a wildcard without a '.' (or the scheme) before it.</summary>
        private static void CheckLabelBoundary(OriginRegex regex, Dfa dfa, RegexNode tree, int index, List<PolicyProblem> problems)
        {
            var suffix = RegexSuffix.Of(tree).Suffix;
            if (suffix.Length < 4 || suffix.IndexOf('.') < 0 || !char.IsLetterOrDigit(suffix[0]))
            {
                return;
            }

            var candidates = regex.HostOnly
                ? new[] { "evil" + suffix, "x" + suffix }
                : new[] { "https://evil" + suffix, "http://evil" + suffix, "https://x" + suffix, "evil" + suffix };
            foreach (var candidate in candidates)
            {
                if (dfa.IsMatch(candidate))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.NoLabelBoundary.Id, PolicySetting.Origins, index, regex.Entry, candidate));
                    return;
                }
            }
        }

        private static bool IsOnlyUpperCase(ByteSet set)
        {
            if (set.IsEmpty)
            {
                return false;
            }

            for (var b = 0; b < 256; b++)
            {
                if (set.Contains(b) && !(b >= 'A' && b <= 'Z'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a node's first (or last) character is always one letter or digit, as in a host name's label.</summary>
        private static bool EdgeIsLabelChar(RegexNode node, bool last)
        {
            switch (node)
            {
                case SetNode { Set: var set }:
                    return set.Count == 1 && (Contains(set, 'a', 'z') || Contains(set, '0', '9'));
                case GroupNode group:
                    return EdgeIsLabelChar(group.Body, last);
                case SequenceNode { Items.Length: > 0 } sequence:
                    return EdgeIsLabelChar(last ? sequence.Items[sequence.Items.Length - 1] : sequence.Items[0], last);
                case AlternationNode alternation:
                    foreach (var alternative in alternation.Alternatives)
                    {
                        if (!EdgeIsLabelChar(alternative, last))
                        {
                            return false;
                        }
                    }

                    return alternation.Alternatives.Length > 0;
                case RepeatNode { Min: > 0 } repeat:
                    return EdgeIsLabelChar(repeat.Body, last);
                default:
                    return false;
            }
        }

        private static bool Contains(ByteSet set, char first, char last)
        {
            for (var c = first; c <= last; c++)
            {
                if (set.Contains(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSourceDot(OriginRegex regex, SetNode node)
        {
            var offset = regex.Runtime.ToCharOffset(node.Offset);
            return offset < regex.Adjusted.Length && regex.Adjusted[offset] == '.' && node.Length == 1;
        }

        /// <summary>A pattern as Kong adjusts and runs it, as a DFA; null when it cannot be built.</summary>
        private static Dfa? Compile(string pattern)
        {
            var regex = OriginRegex.Parse(pattern);
            return regex.Tree is { } tree ? DfaBuilder.Build(tree).Dfa : null;
        }
    }
}
