using System;
using System.Collections.Generic;
using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// AST -> <see cref="Nfa"/>: builds the Thompson NFA, partitions bytes into classes, then removes
    /// epsilon and assertion edges. An item (NFA state) is a Thompson state that reads a byte, or the
    /// accept state, paired with a look-ahead obligation. The epsilon closure is taken knowing what is
    /// behind the position (start, or the class of the byte just read), so look-behind conditions are
    /// decided there and look-ahead conditions accumulate into the obligation; items whose obligation
    /// can never be met by their own byte set are dropped. Reaching the accept state with no
    /// obligation is the absorbing <see cref="Nfa.MatchedState"/>.
    /// </summary>
    internal static class NfaBuilder
    {
        public const int DefaultMaxStates = 100_000;

        public static NfaBuildResult Build(RegexNode pattern, int maxStates = DefaultMaxStates) => Build(new[] { pattern }, maxStates);

        /// <summary>One NFA for the union of <paramref name="patterns"/> (a subject matches iff it matches any).</summary>
        public static NfaBuildResult Build(IReadOnlyList<RegexNode> patterns, int maxStates = DefaultMaxStates)
        {
            if (patterns is null)
            {
                throw new ArgumentNullException(nameof(patterns));
            }

            var outcome = ThompsonBuilder.Build(patterns, maxStates);
            if (outcome.Nfa is null)
            {
                return new NfaBuildResult(outcome.Status, null, outcome.Unsupported, outcome.PatternIndex, outcome.Message);
            }

            var nfa = new Eliminator(outcome.Nfa, maxStates).Run();
            return nfa is null
                ? new NfaBuildResult(AutomatonBuildStatus.NfaStateCapExceeded, null, null, -1, $"the NFA would be too large (over {maxStates} states, or too many transitions)")
                : new NfaBuildResult(AutomatonBuildStatus.Success, nfa, null, -1, "");
        }

        private sealed class Eliminator
        {
            private readonly ThompsonNfa _t;
            private readonly int _maxStates;
            private readonly long _maxSetItems;
            private readonly byte[] _byteClasses;
            private readonly int _classCount;
            private readonly int[] _classAhead;
            private readonly int[] _classBehind;
            private readonly int[][] _classesOfState;
            private readonly int[] _setKinds;

            private readonly List<int> _itemThompson = new List<int>();
            private readonly List<int> _itemObligation = new List<int>();
            private readonly Dictionary<int, int> _itemIds = new Dictionary<int, int>();
            private readonly IntSetTable _sets = new IntSetTable();
            private readonly Dictionary<long, int> _closureMemo = new Dictionary<long, int>();
            private readonly int _matchedSet;

            private readonly int[] _visitStamp;
            private readonly uint[] _visitMask;
            private int _stamp;
            private int[] _stack = new int[64];
            private readonly List<int> _buffer = new List<int>();
            private bool _overflow;

            public Eliminator(ThompsonNfa t, int maxStates)
            {
                _t = t;
                _maxStates = maxStates;

                // Closures can overlap heavily ((a?){n} makes n closures of up to n items): bound their total size too.
                _maxSetItems = Math.Max(1_000_000L, 32L * maxStates);
                var mask = t.AssertionMask;
                var usesKinds = mask != 0;
                var needNewlineBehind = (mask & (1 << (int)AssertionKind.StartOfLine)) != 0;
                var needWordBehind = (mask & ((1 << (int)AssertionKind.WordBoundary) | (1 << (int)AssertionKind.NotWordBoundary))) != 0;

                var sets = new List<ByteSet>();
                if (usesKinds)
                {
                    sets.Add(ByteClasses.Newline);
                    sets.Add(ByteClasses.Word);
                }

                for (var s = 0; s < t.Count; s++)
                {
                    if (t.Kind(s) == ThompsonNfa.StateKind.Byte)
                    {
                        sets.Add(t.Set(s));
                    }
                }

                _byteClasses = CorsGen.Automata.ByteClasses.Partition(sets, out _classCount);
                var representatives = CorsGen.Automata.ByteClasses.Representatives(_byteClasses, _classCount);
                _classAhead = new int[_classCount];
                _classBehind = new int[_classCount];
                for (var c = 0; c < _classCount; c++)
                {
                    // Without assertions the kind of a byte is never looked at: one kind keeps closures shared.
                    var ahead = usesKinds ? Lookaround.AheadKindOf(representatives[c]) : Lookaround.AheadOther;
                    _classAhead[c] = ahead;
                    var behind = Lookaround.BehindKindOf(ahead);
                    if ((behind == Lookaround.BehindNewline && !needNewlineBehind) || (behind == Lookaround.BehindWord && !needWordBehind))
                    {
                        behind = Lookaround.BehindOther;
                    }

                    _classBehind[c] = behind;
                }

                _classesOfState = new int[t.Count][];
                _setKinds = new int[t.Count];
                var cache = new Dictionary<ByteSet, int[]>();
                var members = new List<int>();
                for (var s = 0; s < t.Count; s++)
                {
                    if (t.Kind(s) != ThompsonNfa.StateKind.Byte)
                    {
                        continue;
                    }

                    var set = t.Set(s);
                    if (!cache.TryGetValue(set, out var classes))
                    {
                        members.Clear();
                        for (var c = 0; c < _classCount; c++)
                        {
                            if (set.Contains(representatives[c]))
                            {
                                members.Add(c);
                            }
                        }

                        classes = members.ToArray();
                        cache.Add(set, classes);
                    }

                    _classesOfState[s] = classes;
                    foreach (var c in classes)
                    {
                        _setKinds[s] |= _classAhead[c];
                    }
                }

                _visitStamp = new int[t.Count];
                _visitMask = new uint[t.Count];

                _sets.Intern(ReadOnlySpan<int>.Empty, out _);
                Item(-1, Lookaround.Free); // Nfa.MatchedState
                _matchedSet = _sets.Intern(new[] { Nfa.MatchedState }, out _);
            }

            public Nfa? Run()
            {
                var startSet = Closure(_t.StartState, Lookaround.BehindStart, Lookaround.Free);
                var successors = new List<int>();
                var acceptsAtEnd = new List<bool>();
                for (var i = 0; i < _itemThompson.Count && !_overflow; i++)
                {
                    var thompson = _itemThompson[i];
                    var obligation = _itemObligation[i];
                    var row = successors.Count;
                    for (var c = 0; c < _classCount; c++)
                    {
                        successors.Add(0);
                    }

                    if (thompson < 0)
                    {
                        for (var c = 0; c < _classCount; c++)
                        {
                            successors[row + c] = _matchedSet;
                        }

                        acceptsAtEnd.Add(true);
                    }
                    else if (thompson == _t.AcceptState)
                    {
                        // A match waiting for its look-ahead: the next byte settles it, or the end does.
                        var final = (obligation & Lookaround.NewlineMustBeFinal) != 0;
                        for (var c = 0; c < _classCount; c++)
                        {
                            var ahead = _classAhead[c];
                            if ((ahead & obligation) == 0)
                            {
                                continue;
                            }

                            successors[row + c] = ahead == Lookaround.AheadNewline && final
                                ? _sets.Intern(new[] { Item(_t.AcceptState, Lookaround.EndOnly) }, out _)
                                : _matchedSet;
                        }

                        acceptsAtEnd.Add((obligation & Lookaround.AheadEnd) != 0);
                    }
                    else
                    {
                        var final = (obligation & Lookaround.NewlineMustBeFinal) != 0;
                        var target = _t.Next1(thompson);
                        foreach (var c in _classesOfState[thompson])
                        {
                            var ahead = _classAhead[c];
                            if ((ahead & obligation) == 0)
                            {
                                continue;
                            }

                            var next = ahead == Lookaround.AheadNewline && final ? Lookaround.EndOnly : Lookaround.Free;
                            successors[row + c] = Closure(target, _classBehind[c], next);
                        }

                        acceptsAtEnd.Add(false);
                    }
                }

                if (_overflow)
                {
                    return null;
                }

                _sets.Export(out var setStarts, out var setItems);
                var t = _t;
                var itemThompson = _itemThompson.ToArray();
                var itemObligation = _itemObligation.ToArray();
                Func<int, string> describe = i =>
                {
                    var thompson = itemThompson[i];
                    return thompson < 0 ? "matched"
                        : (thompson == t.AcceptState ? "accept" : $"t{thompson}:{t.Set(thompson)}") + Lookaround.Describe(itemObligation[i]);
                };

                return new Nfa(_byteClasses, _classCount, _sets.ToArray(startSet), successors.ToArray(), setStarts, setItems, acceptsAtEnd.ToArray(), describe);
            }

            private int Item(int thompson, int obligation)
            {
                var key = (thompson * Lookaround.ObligationCodes) + obligation;
                if (_itemIds.TryGetValue(key, out var id))
                {
                    return id;
                }

                id = _itemThompson.Count;
                if (id >= _maxStates)
                {
                    _overflow = true;
                }

                _itemThompson.Add(thompson);
                _itemObligation.Add(obligation);
                _itemIds.Add(key, id);
                return id;
            }

            /// <summary>The items reachable from Thompson state <paramref name="start"/> through epsilon and assertion edges, as an interned set.</summary>
            private int Closure(int start, int behind, int obligation)
            {
                var memoKey = (((long)start * 4) + behind) * Lookaround.ObligationCodes + obligation;
                if (_closureMemo.TryGetValue(memoKey, out var cached))
                {
                    return cached;
                }

                _stamp++;
                _buffer.Clear();
                var sp = 0;
                Push(ref sp, start, obligation);
                var matched = false;
                while (sp > 0)
                {
                    sp -= 2;
                    var s = _stack[sp];
                    var o = _stack[sp + 1];
                    if (_visitStamp[s] != _stamp)
                    {
                        _visitStamp[s] = _stamp;
                        _visitMask[s] = 0;
                    }

                    var bit = 1u << o;
                    if ((_visitMask[s] & bit) != 0)
                    {
                        continue;
                    }

                    _visitMask[s] |= bit;
                    switch (_t.Kind(s))
                    {
                        case ThompsonNfa.StateKind.Accept:
                            if (o == Lookaround.Free)
                            {
                                matched = true;
                                sp = 0;
                            }
                            else
                            {
                                _buffer.Add(Item(s, o));
                            }

                            break;
                        case ThompsonNfa.StateKind.Byte:
                            if ((_setKinds[s] & o) != 0)
                            {
                                _buffer.Add(Item(s, o));
                            }

                            break;
                        case ThompsonNfa.StateKind.Split:
                            Push(ref sp, _t.Next2(s), o);
                            Push(ref sp, _t.Next1(s), o);
                            break;
                        case ThompsonNfa.StateKind.Assert:
                            var applied = Lookaround.Apply(_t.Assertion(s), behind, o);
                            if (applied >= 0)
                            {
                                Push(ref sp, _t.Next1(s), applied);
                            }

                            break;
                    }
                }

                int result;
                if (matched)
                {
                    result = _matchedSet;
                }
                else
                {
                    _buffer.Sort();
                    var items = _buffer.ToArray();
                    result = _sets.Intern(items, out _);
                    if (_sets.TotalItems > _maxSetItems)
                    {
                        _overflow = true;
                    }
                }

                _closureMemo.Add(memoKey, result);
                return result;
            }

            private void Push(ref int sp, int state, int obligation)
            {
                if (sp + 2 > _stack.Length)
                {
                    Array.Resize(ref _stack, _stack.Length * 2);
                }

                _stack[sp] = state;
                _stack[sp + 1] = obligation;
                sp += 2;
            }
        }
    }
}
