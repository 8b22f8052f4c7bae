using System.Collections.Generic;

namespace CorsGen.Pcre
{
    /// <summary>
    /// PCRE2's check for lookbehinds, run after a successful parse when the pattern has any: every branch of
    /// every lookbehind must have a fixed length (branches may differ) of at most 65535. It follows PCRE2's
    /// rules exactly, quirks included: a quantifier after a lookahead is ignored, <c>{n}</c> multiplies,
    /// <c>(*ACCEPT)</c>/<c>(*FAIL)</c> end the branch, a backreference or subroutine call counts as its group's
    /// fixed length, and group lengths are cached by group number unless a <c>(?|</c> group exists.
    /// </summary>
    internal sealed class PcreLookbehindChecker
    {
        private const int LookbehindMax = 65535;
        private const int LoopLimit = 2000;

        private readonly ParsedGroup _root;
        private readonly PcreScanner _scan;
        private readonly bool _utf;
        private readonly Dictionary<int, int> _groupLengths = new Dictionary<int, int>(); // -1: not fixed
        private readonly List<ParsedGroup> _recursions = new List<ParsedGroup>();
        private int _loopCount;
        private int _errorCode;
        private int _errorOffset = -1;

        private PcreLookbehindChecker(ParsedGroup root, PcreScanner scan, bool utf)
        {
            _root = root;
            _scan = scan;
            _utf = utf;
        }

        /// <summary>Null when every lookbehind is fine; otherwise PCRE2's error.</summary>
        public static PcreSyntaxError? Check(ParsedGroup root, PcreScanner scan, bool utf)
        {
            var checker = new PcreLookbehindChecker(root, scan, utf);
            var code = checker.CheckLookbehinds(root.Branches);
            return code == 0 ? null : PcreErrors.Create(code, checker._errorOffset < 0 ? 0 : checker._errorOffset);
        }

        /// <summary>check_lookbehinds: finds the lookbehinds in some branches and sets their lengths.</summary>
        private int CheckLookbehinds(List<List<ParsedItem>> branches)
        {
            _errorOffset = -1;
            foreach (var branch in branches)
            {
                foreach (var item in branch)
                {
                    if (!CheckLookbehindsIn(item))
                    {
                        return _errorCode;
                    }
                }
            }

            return 0;
        }

        private bool CheckLookbehindsIn(ParsedItem item)
        {
            switch (item)
            {
                case ParsedRepeat repeat:
                    return CheckLookbehindsIn(repeat.Body);
                case ParsedUnsupportedAtom { Kind: AtomKind.WordEnd }:
                    return true; // its lookbehind is \w: one character
                case ParsedGroup group when IsLookbehind(group.Kind):
                    return SetLookbehindLengths(group);
                case ParsedGroup group:
                    foreach (var branch in group.Branches)
                    {
                        foreach (var child in branch)
                        {
                            if (!CheckLookbehindsIn(child))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }

        private static bool IsLookbehind(GroupKind kind) =>
            kind == GroupKind.Lookbehind || kind == GroupKind.NegativeLookbehind || kind == GroupKind.NonAtomicLookbehind;

        private static bool IsLookahead(GroupKind kind) =>
            kind == GroupKind.Lookahead || kind == GroupKind.NegativeLookahead || kind == GroupKind.NonAtomicLookahead;

        private bool SetLookbehindLengths(ParsedGroup lookbehind)
        {
            lookbehind.LookbehindBranchLengths.Clear();
            foreach (var branch in lookbehind.Branches)
            {
                var length = BranchLength(branch);
                lookbehind.LookbehindBranchLengths.Add(length);
                if (length < 0)
                {
                    if (_errorCode == 0)
                    {
                        _errorCode = PcreErrors.LookbehindNotFixed;
                    }

                    if (_errorOffset < 0)
                    {
                        _errorOffset = lookbehind.LookbehindErrorOffset;
                    }

                    return false;
                }
            }

            return true;
        }

        private int NotFixed()
        {
            _errorCode = PcreErrors.LookbehindNotFixed;
            return -1;
        }

        /// <summary>get_branchlength: the fixed length of a branch, or -1 (with an error code, or 0 for "not fixed").</summary>
        private int BranchLength(List<ParsedItem> branch)
        {
            if (_loopCount++ > LoopLimit)
            {
                _errorCode = PcreErrors.LookbehindTooComplicated;
                return -1;
            }

            var branchLength = 0;
            var lastItemLength = 0;
            foreach (var item in branch)
            {
                int itemLength;
                if (item is ParsedVerb { Kind: VerbKind.Accept } || item is ParsedVerb { Kind: VerbKind.Fail })
                {
                    return branchLength; // the rest of the branch is never reached
                }

                if (item is ParsedRepeat repeat)
                {
                    if (repeat.Body is ParsedGroup g && IsLookahead(g.Kind) ||
                        repeat.Body is ParsedUnsupportedAtom { Kind: AtomKind.WordStart })
                    {
                        // A quantifier after a lookahead is ignored.
                        if (ItemLength(repeat.Body) < 0)
                        {
                            return -1;
                        }

                        lastItemLength = 0;
                        continue;
                    }

                    var bodyLength = ItemLength(repeat.Body);
                    if (bodyLength < 0 || !Add(ref branchLength, bodyLength))
                    {
                        return -1;
                    }

                    lastItemLength = bodyLength;
                    if (repeat.Min != repeat.Max)
                    {
                        return NotFixed();
                    }

                    switch (repeat.Min)
                    {
                        case 0:
                            branchLength -= lastItemLength;
                            itemLength = 0;
                            break;
                        case 1:
                            itemLength = 0;
                            break;
                        default:
                            if (lastItemLength != 0 && int.MaxValue / lastItemLength < repeat.Min - 1)
                            {
                                _errorCode = PcreErrors.LookbehindTooLong;
                                return -1;
                            }

                            itemLength = (repeat.Min - 1) * lastItemLength;
                            break;
                    }
                }
                else
                {
                    itemLength = ItemLength(item);
                    if (itemLength < 0)
                    {
                        return -1;
                    }
                }

                if (!Add(ref branchLength, itemLength))
                {
                    return -1;
                }

                lastItemLength = itemLength;
            }

            return branchLength;
        }

        private bool Add(ref int branchLength, int itemLength)
        {
            if (int.MaxValue - branchLength < itemLength || (branchLength += itemLength) > LookbehindMax)
            {
                _errorCode = PcreErrors.LookbehindTooLong;
                return false;
            }

            return true;
        }

        /// <summary>The length one item contributes, or -1.</summary>
        private int ItemLength(ParsedItem item)
        {
            switch (item)
            {
                case ParsedChar _:
                case ParsedSet _:
                    return 1;

                case ParsedAssertion _:
                case ParsedKeep _:
                case ParsedCallout _:
                case ParsedVerb _:
                    return 0;

                case ParsedUnsupportedAtom atom:
                    switch (atom.Kind)
                    {
                        case AtomKind.SingleCodeUnit:
                            if (_utf)
                            {
                                _errorCode = PcreErrors.BackslashCInUtfLookbehind;
                                return -1;
                            }

                            return 1;
                        case AtomKind.Property:
                            return 1;
                        case AtomKind.NotFixed:
                            return -1;
                        default:
                            return 0; // [[:<:]] and [[:>:]] are zero width and their \w is fixed
                    }

                case ParsedBackreference reference:
                    if (reference.Name != null)
                    {
                        var named = FindName(reference.Name);
                        if (named == null)
                        {
                            _errorCode = PcreErrors.NonExistentSubpattern;
                            _errorOffset = reference.ErrorOffset;
                            return -1;
                        }

                        if (named.IsDuplicate || _scan.DuplicateGroupNumbers)
                        {
                            return NotFixed();
                        }

                        return ReferencedGroupLength(named.Number, reference.ErrorOffset, reference);
                    }

                    if (_scan.DuplicateGroupNumbers)
                    {
                        return NotFixed();
                    }

                    return ReferencedGroupLength(reference.Number, reference.ErrorOffset, reference);

                case ParsedRecursion recursion:
                    if (recursion.Name != null)
                    {
                        var named = FindName(recursion.Name);
                        if (named == null)
                        {
                            _errorCode = PcreErrors.NonExistentSubpattern;
                            _errorOffset = recursion.ErrorOffset;
                            return -1;
                        }

                        return ReferencedGroupLength(named.Number, recursion.ErrorOffset, recursion);
                    }

                    return ReferencedGroupLength(recursion.Number, recursion.ErrorOffset, recursion);

                case ParsedGroup group:
                    if (IsLookahead(group.Kind))
                    {
                        // A lookahead adds no length, but lookbehinds inside it must be checked.
                        var code = CheckLookbehinds(group.Branches);
                        if (code != 0)
                        {
                            _errorCode = code;
                            return -1;
                        }

                        return 0;
                    }

                    if (IsLookbehind(group.Kind))
                    {
                        return SetLookbehindLengths(group) ? 0 : -1;
                    }

                    if (group.Kind == GroupKind.Conditional && group.Condition == ConditionKind.Define)
                    {
                        return 0; // never obeyed inline
                    }

                    return GroupLength(group, group.Kind == GroupKind.Capture ? group.Number : 0);

                default:
                    return NotFixed();
            }
        }

        private PcreScanner.NamedGroup? FindName(string name)
        {
            foreach (var named in _scan.Names)
            {
                if (named.Name == name)
                {
                    return named;
                }
            }

            return null;
        }

        /// <summary>The length of group <paramref name="number"/> for a backreference or subroutine call to it.</summary>
        private int ReferencedGroupLength(int number, int errorOffset, ParsedItem reference)
        {
            if (number > _scan.GroupCount)
            {
                _errorOffset = errorOffset;
                _errorCode = PcreErrors.NonExistentSubpattern;
                return -1;
            }

            if (number == 0)
            {
                return NotFixed(); // recursion of the whole pattern
            }

            var group = FindGroup(_root, number);
            if (group == null)
            {
                return NotFixed();
            }

            // A reference inside its own group, or mutual recursion, has no fixed length.
            if (reference.Offset > group.Offset && reference.Offset < group.End)
            {
                return NotFixed();
            }

            if (_recursions.Contains(group))
            {
                return NotFixed();
            }

            _recursions.Add(group);
            var length = GroupLength(group, number);
            _recursions.RemoveAt(_recursions.Count - 1);
            if (length < 0)
            {
                return _errorCode == 0 ? NotFixed() : -1;
            }

            return length;
        }

        /// <summary>get_grouplength: all branches must have the same fixed length.</summary>
        private int GroupLength(ParsedGroup group, int number)
        {
            if (number > 0 && !_scan.DuplicateGroupNumbers && _groupLengths.TryGetValue(number, out var cached))
            {
                return cached;
            }

            var groupLength = -1;
            foreach (var branch in group.Branches)
            {
                var branchLength = BranchLength(branch);
                if (branchLength < 0 || (groupLength != -1 && groupLength != branchLength))
                {
                    if (number > 0)
                    {
                        _groupLengths[number] = -1;
                    }

                    return -1;
                }

                groupLength = branchLength;
            }

            if (number > 0)
            {
                _groupLengths[number] = groupLength;
            }

            return groupLength;
        }

        /// <summary>The first capture group numbered <paramref name="number"/>, in pattern order.</summary>
        private static ParsedGroup? FindGroup(ParsedItem item, int number)
        {
            switch (item)
            {
                case ParsedRepeat repeat:
                    return FindGroup(repeat.Body, number);
                case ParsedGroup group:
                    if (group.Kind == GroupKind.Capture && group.Number == number)
                    {
                        return group;
                    }

                    foreach (var branch in group.Branches)
                    {
                        foreach (var child in branch)
                        {
                            var found = FindGroup(child, number);
                            if (found != null)
                            {
                                return found;
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
    }
}
