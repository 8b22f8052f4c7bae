using System;
using System.Collections.Generic;
using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// Patterns -> minimized, canonically numbered <see cref="Dfa"/>. One pattern: <see cref="NfaBuilder"/>,
    /// then subset construction over byte classes (with a state cap), then <see cref="DfaMinimizer"/>.
    /// Several: each pattern that way, then their union by <see cref="DfaProduct"/>; both routes give the
    /// same tables (the minimal DFA is unique). A subset containing <see cref="Nfa.MatchedState"/> is the
    /// match state whatever else it holds. Over a cap, the result says so; nothing throws or hangs.
    /// </summary>
    internal static class DfaBuilder
    {
        public const int DefaultMaxStates = 4096;

        public static DfaBuildResult Build(RegexNode pattern, int maxStates = DefaultMaxStates, int maxNfaStates = NfaBuilder.DefaultMaxStates)
            => Build(new[] { pattern }, maxStates, maxNfaStates);

        /// <summary>
        /// One DFA for the union of <paramref name="patterns"/>. Each pattern is determinized and
        /// minimized on its own, then the minimal DFAs are unioned by <see cref="DfaProduct"/>: far cheaper
        /// than determinizing the union NFA when patterns float (<c>(.*[./])?</c>) over each other.
        /// </summary>
        public static DfaBuildResult Build(IReadOnlyList<RegexNode> patterns, int maxStates = DefaultMaxStates, int maxNfaStates = NfaBuilder.DefaultMaxStates)
        {
            if (patterns is null)
            {
                throw new ArgumentNullException(nameof(patterns));
            }

            if (patterns.Count <= 1)
            {
                return BuildFromUnionNfa(patterns, maxStates, maxNfaStates);
            }

            if (ThompsonBuilder.Validate(patterns, maxNfaStates) is { } failure)
            {
                return new DfaBuildResult(failure.Status, null, (Nfa?)null, failure.Unsupported, failure.PatternIndex, failure.Message);
            }

            var snapshot = new RegexNode[patterns.Count];
            for (var i = 0; i < snapshot.Length; i++)
            {
                snapshot[i] = patterns[i];
            }

            var unionNfa = new Lazy<Nfa?>(() => NfaBuilder.Build(snapshot, maxNfaStates).Nfa);
            var dfas = new List<Dfa>(patterns.Count);
            for (var i = 0; i < patterns.Count; i++)
            {
                var single = BuildFromUnionNfa(new[] { patterns[i] }, maxStates, maxNfaStates);
                if (single.Dfa is null)
                {
                    if (single.Status == AutomatonBuildStatus.DfaStateCapExceeded)
                    {
                        // Another pattern may still make the union small (think of ".*"): decide on the union itself.
                        return BuildFromUnionNfa(patterns, maxStates, maxNfaStates);
                    }

                    return new DfaBuildResult(single.Status, null, (Nfa?)null, single.Unsupported, i, single.Message);
                }

                dfas.Add(single.Dfa);
            }

            var union = DfaProduct.Union(dfas, maxStates);

            // A product over the cap is decided on the union NFA too, so both routes agree on what is too big.
            return union is null
                ? BuildFromUnionNfa(patterns, maxStates, maxNfaStates)
                : new DfaBuildResult(AutomatonBuildStatus.Success, union, unionNfa, null, -1, "");
        }

        /// <summary>The direct route: the union NFA, determinized and minimized in one go.</summary>
        internal static DfaBuildResult BuildFromUnionNfa(IReadOnlyList<RegexNode> patterns, int maxStates = DefaultMaxStates, int maxNfaStates = NfaBuilder.DefaultMaxStates)
        {
            var nfaResult = NfaBuilder.Build(patterns, maxNfaStates);
            if (nfaResult.Nfa is null)
            {
                return new DfaBuildResult(nfaResult.Status, null, (Nfa?)null, nfaResult.Unsupported, nfaResult.PatternIndex, nfaResult.Message);
            }

            return FromNfa(nfaResult.Nfa, maxStates);
        }

        /// <summary>Determinizes and minimizes <paramref name="nfa"/>; over <paramref name="maxStates"/> subsets it stops and says so.</summary>
        public static DfaBuildResult FromNfa(Nfa nfa, int maxStates = DefaultMaxStates)
        {
            var k = nfa.ClassCount;
            var subsets = new IntSetTable();
            var transitions = new List<int>();
            var acceptsAtEnd = new List<bool>();
            var mark = new int[nfa.StateCount];
            var generation = 0;
            var buffer = new int[Math.Max(16, nfa.StateCount)];
            var matchedOnly = new[] { Nfa.MatchedState };

            Add(nfa.StartSpan, out _);
            for (var d = 0; d < subsets.Count; d++)
            {
                var row = transitions.Count;
                for (var c = 0; c < k; c++)
                {
                    transitions.Add(0);
                }

                var members = subsets.ToArray(d);
                for (var c = 0; c < k; c++)
                {
                    // Many classes lead every member to the same sets (think of '.'): reuse the previous class's subset.
                    if (c > 0 && SameAsPreviousClass(nfa, members, c))
                    {
                        transitions[row + c] = transitions[row + c - 1];
                        continue;
                    }

                    int target;
                    if (members.Length == 1)
                    {
                        target = Add(nfa.Successors(members[0], c), out _);
                    }
                    else
                    {
                        generation++;
                        var count = 0;
                        var matched = false;
                        foreach (var m in members)
                        {
                            foreach (var s in nfa.Successors(m, c))
                            {
                                if (s == Nfa.MatchedState)
                                {
                                    matched = true;
                                    break;
                                }

                                if (mark[s] != generation)
                                {
                                    mark[s] = generation;
                                    buffer[count++] = s;
                                }
                            }

                            if (matched)
                            {
                                break;
                            }
                        }

                        if (matched)
                        {
                            target = Add(matchedOnly, out _);
                        }
                        else
                        {
                            Array.Sort(buffer, 0, count);
                            target = Add(new ReadOnlySpan<int>(buffer, 0, count), out _);
                        }
                    }

                    // The subsets' total size is bounded too, so a cap of a few thousand states never means gigabytes.
                    if (subsets.Count > maxStates || subsets.TotalItems > 1024L * maxStates)
                    {
                        return new DfaBuildResult(AutomatonBuildStatus.DfaStateCapExceeded, null, nfa, null, -1,
                            $"the DFA would need more than {maxStates} states");
                    }

                    transitions[row + c] = target;
                }
            }

            var dfa = DfaMinimizer.Minimize(nfa.ByteClasses, k, subsets.Count, transitions.ToArray(), acceptsAtEnd.ToArray(), 0);
            return new DfaBuildResult(AutomatonBuildStatus.Success, dfa, nfa, null, -1, "");

            int Add(ReadOnlySpan<int> set, out bool added)
            {
                if (set.Length > 0 && set[0] == Nfa.MatchedState && set.Length > 1)
                {
                    set = matchedOnly;
                }

                var id = subsets.Intern(set, out added);
                if (added)
                {
                    var accepts = false;
                    foreach (var s in set)
                    {
                        accepts |= nfa.AcceptsAtEndOf(s);
                    }

                    acceptsAtEnd.Add(accepts);
                }

                return id;
            }
        }

        private static bool SameAsPreviousClass(Nfa nfa, int[] members, int c)
        {
            foreach (var m in members)
            {
                if (nfa.SuccessorSetId(m, c) != nfa.SuccessorSetId(m, c - 1))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
