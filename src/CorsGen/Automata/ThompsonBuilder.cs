using System;
using System.Collections.Generic;
using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// AST -> <see cref="ThompsonNfa"/>. Each node is compiled in front of its continuation (the state
    /// to go to once the node has matched), so no patch lists are needed. <c>{n,m}</c> is expanded:
    /// n copies, then m-n nested optional copies (<c>(X(X(X)?)?)?</c>), or a loop for an unbounded max.
    /// The size is computed before anything is built so a huge expansion fails fast, as a result.
    /// </summary>
    internal static class ThompsonBuilder
    {
        public readonly struct Outcome
        {
            public Outcome(ThompsonNfa? nfa, AutomatonBuildStatus status, UnsupportedNode? unsupported, int patternIndex, string message)
            {
                Nfa = nfa;
                Status = status;
                Unsupported = unsupported;
                PatternIndex = patternIndex;
                Message = message;
            }

            public ThompsonNfa? Nfa { get; }

            public AutomatonBuildStatus Status { get; }

            public UnsupportedNode? Unsupported { get; }

            public int PatternIndex { get; }

            public string Message { get; }
        }

        /// <summary>
        /// Checks that the union of <paramref name="patterns"/> can be built: no unsupported construct and
        /// at most <paramref name="maxStates"/> states. Returns a failed outcome, or null when it can.
        /// </summary>
        public static Outcome? Validate(IReadOnlyList<RegexNode> patterns, int maxStates)
        {
            long total = 1 + Math.Max(0, patterns.Count - 1);
            for (var i = 0; i < patterns.Count; i++)
            {
                var unsupported = FindUnsupported(patterns[i]);
                if (unsupported != null)
                {
                    return new Outcome(null, AutomatonBuildStatus.UnsupportedConstruct, unsupported, i,
                        $"pattern {i} contains {unsupported.Construct}, which an automaton cannot match exactly");
                }

                total += Size(patterns[i], maxStates + 1L);
                if (total > maxStates)
                {
                    return new Outcome(null, AutomatonBuildStatus.NfaStateCapExceeded, null, i,
                        $"the NFA would need more than {maxStates} states (repeat counts multiply the size of what they repeat)");
                }
            }

            return null;
        }

        /// <summary>Builds one NFA for the union of <paramref name="patterns"/>, sharing one accept state.</summary>
        public static Outcome Build(IReadOnlyList<RegexNode> patterns, int maxStates)
        {
            if (Validate(patterns, maxStates) is { } failure)
            {
                return failure;
            }

            var nfa = new ThompsonNfa();
            int start;
            if (patterns.Count == 0)
            {
                // No pattern: nothing matches.
                start = nfa.AddByte(ByteSet.Empty, nfa.AcceptState);
            }
            else
            {
                start = Compile(nfa, patterns[patterns.Count - 1], nfa.AcceptState);
                for (var i = patterns.Count - 2; i >= 0; i--)
                {
                    start = nfa.AddSplit(Compile(nfa, patterns[i], nfa.AcceptState), start);
                }
            }

            nfa.StartState = start;
            return new Outcome(nfa, AutomatonBuildStatus.Success, null, -1, "");
        }

        private static UnsupportedNode? FindUnsupported(RegexNode node)
        {
            switch (node)
            {
                case UnsupportedNode unsupported:
                    return unsupported;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        var found = FindUnsupported(item);
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                case AlternationNode alternation:
                    foreach (var item in alternation.Alternatives)
                    {
                        var found = FindUnsupported(item);
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                case RepeatNode repeat:
                    return FindUnsupported(repeat.Body);
                case GroupNode group:
                    return FindUnsupported(group.Body);
                default:
                    return null;
            }
        }

        /// <summary>The number of states <see cref="Compile"/> adds for <paramref name="node"/>, saturated at <paramref name="limit"/>.</summary>
        private static long Size(RegexNode node, long limit)
        {
            long size;
            switch (node)
            {
                case SetNode:
                case AssertionNode:
                    return 1;
                case SequenceNode sequence:
                    size = 0;
                    foreach (var item in sequence.Items)
                    {
                        size = Math.Min(limit, size + Size(item, limit));
                    }

                    return size;
                case AlternationNode alternation:
                    size = Math.Max(0, alternation.Alternatives.Length - 1);
                    foreach (var item in alternation.Alternatives)
                    {
                        size = Math.Min(limit, size + Size(item, limit));
                    }

                    return alternation.Alternatives.Length == 0 ? 1 : size;
                case GroupNode group:
                    return Size(group.Body, limit);
                case RepeatNode repeat:
                    CheckRepeat(repeat);
                    var body = Size(repeat.Body, limit);
                    long copies, splits;
                    if (repeat.Max < 0)
                    {
                        copies = Math.Max(1, repeat.Min);
                        splits = 1;
                    }
                    else
                    {
                        copies = repeat.Max;
                        splits = repeat.Max - repeat.Min;
                    }

                    if (body > 0 && copies > limit / body)
                    {
                        return limit;
                    }

                    return Math.Min(limit, (copies * body) + splits);
                default:
                    throw new ArgumentException($"unexpected node {node.GetType().Name}", nameof(node));
            }
        }

        private static void CheckRepeat(RepeatNode repeat)
        {
            if (repeat.Min < 0 || (repeat.Max >= 0 && repeat.Max < repeat.Min))
            {
                throw new ArgumentException($"invalid repeat {{{repeat.Min},{repeat.Max}}}", nameof(repeat));
            }
        }

        /// <summary>Adds states matching <paramref name="node"/> then continuing at <paramref name="next"/>; returns the entry state.</summary>
        private static int Compile(ThompsonNfa nfa, RegexNode node, int next)
        {
            switch (node)
            {
                case SetNode set:
                    return nfa.AddByte(set.Set, next);
                case AssertionNode assertion:
                    return nfa.AddAssert(assertion.Kind, next);
                case GroupNode group:
                    return Compile(nfa, group.Body, next);
                case SequenceNode sequence:
                    for (var i = sequence.Items.Length - 1; i >= 0; i--)
                    {
                        next = Compile(nfa, sequence.Items[i], next);
                    }

                    return next;
                case AlternationNode alternation:
                    if (alternation.Alternatives.Length == 0)
                    {
                        return nfa.AddByte(ByteSet.Empty, next);
                    }

                    var entry = Compile(nfa, alternation.Alternatives[alternation.Alternatives.Length - 1], next);
                    for (var i = alternation.Alternatives.Length - 2; i >= 0; i--)
                    {
                        entry = nfa.AddSplit(Compile(nfa, alternation.Alternatives[i], next), entry);
                    }

                    return entry;
                case RepeatNode repeat:
                    return CompileRepeat(nfa, repeat, next);
                default:
                    throw new ArgumentException($"unexpected node {node.GetType().Name}", nameof(node));
            }
        }

        private static int CompileRepeat(ThompsonNfa nfa, RepeatNode repeat, int next)
        {
            CheckRepeat(repeat);
            int entry;
            int mandatory;
            if (repeat.Max < 0)
            {
                // X{n,} = X{n-1} X+, and X+ is X followed by a split back to X or on to next; X* is the split alone.
                var loop = nfa.AddSplit(-1, next);
                var body = Compile(nfa, repeat.Body, loop);
                nfa.SetSplitTargets(loop, body, next);
                if (repeat.Min == 0)
                {
                    return loop;
                }

                entry = body;
                mandatory = repeat.Min - 1;
            }
            else
            {
                entry = next;
                for (var i = 0; i < repeat.Max - repeat.Min; i++)
                {
                    entry = nfa.AddSplit(Compile(nfa, repeat.Body, entry), next);
                }

                mandatory = repeat.Min;
            }

            for (var i = 0; i < mandatory; i++)
            {
                entry = Compile(nfa, repeat.Body, entry);
            }

            return entry;
        }
    }
}
