using System.Collections.Generic;

namespace CorsGen.Pcre
{
    /// <summary>
    /// The errors PCRE2 only finds while compiling a parsed pattern, in the order it finds them: first its sizing
    /// pass (references to groups or names that do not exist, <c>\K</c> inside a lookaround, <c>(?(Rn)</c> numbers
    /// too big, a compiled pattern that is too large), then its real pass (a conditional group with more than two
    /// branches, a <c>(?(DEFINE)</c> group with more than one). Offsets follow PCRE2, including its habit of
    /// reporting the last offset it noted in the enclosing branch, or the pattern's end when it noted none.
    /// </summary>
    internal sealed partial class PcreCompileChecker
    {
        private readonly PcreScanner _scan;
        private readonly int _patternLength;
        private PcreSyntaxError? _error;

        private PcreCompileChecker(PcreScanner scan, int patternLength)
        {
            _scan = scan;
            _patternLength = patternLength;
        }

        public static PcreSyntaxError? Check(ParsedGroup root, PcreScanner scan, int patternLength)
        {
            var checker = new PcreCompileChecker(scan, patternLength);

            // The sizing pass: the whole pattern is a non-capturing group, plus one unit for the final END.
            if (!checker.CompileGroup(root, 0, 0, out var rootLength) || !checker.Add(ref checker._total, rootLength))
            {
                return checker._error;
            }

            if (checker._total > MaxPatternSize)
            {
                return PcreErrors.Create(PcreErrors.PatternTooLarge, patternLength);
            }

            // The real compile pass.
            foreach (var branch in root.Branches)
            {
                if (!checker.RealPass(branch))
                {
                    return checker._error;
                }
            }

            return null;
        }

        private bool Fail(int code, int offset)
        {
            _error = PcreErrors.Create(code, offset);
            return false;
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

        private static bool IsAssertion(GroupKind kind) =>
            kind == GroupKind.Lookahead || kind == GroupKind.NegativeLookahead || kind == GroupKind.NonAtomicLookahead ||
            kind == GroupKind.Lookbehind || kind == GroupKind.NegativeLookbehind || kind == GroupKind.NonAtomicLookbehind;

        /// <summary>
        /// The real compile pass: conditionals are checked when their group is complete (inner ones first), and
        /// the error offset is the last offset PCRE2 noted among the items of the enclosing branch so far.
        /// </summary>
        private bool RealPass(List<ParsedItem> branch)
        {
            var lastOffset = 0;
            foreach (var item in branch)
            {
                var target = item is ParsedRepeat repeat ? repeat.Body : item;
                switch (target)
                {
                    case ParsedBackreference reference:
                        lastOffset = reference.ErrorOffset;
                        break;
                    case ParsedRecursion recursion:
                        lastOffset = recursion.ErrorOffset;
                        break;
                    case ParsedCallout { CompileOffset: { } calloutOffset }:
                        lastOffset = calloutOffset;
                        break;
                    case ParsedGroup group:
                        switch (group.Condition)
                        {
                            case ConditionKind.Number:
                                lastOffset = group.ConditionOffset - 2;
                                break;
                            case ConditionKind.Name:
                            case ConditionKind.RecursionName:
                            case ConditionKind.RecursionNumber:
                            case ConditionKind.Define:
                                lastOffset = group.ConditionOffset;
                                break;
                        }

                        foreach (var inner in group.Branches)
                        {
                            if (!RealPass(inner))
                            {
                                return false;
                            }
                        }

                        if (group.Kind == GroupKind.Conditional)
                        {
                            if (group.Condition == ConditionKind.Define && group.Branches.Count > 1)
                            {
                                return Fail(PcreErrors.DefineTooManyBranches, lastOffset);
                            }

                            if (group.Condition != ConditionKind.Define && group.Branches.Count > 2)
                            {
                                return Fail(PcreErrors.ConditionTooManyBranches, lastOffset);
                            }
                        }

                        break;
                }
            }

            return true;
        }
    }
}
