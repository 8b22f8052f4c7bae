using System;
using System.Collections.Generic;

namespace CorsGen.Pcre
{
    // PCRE2 compiles a pattern twice: first only to measure it, then for real. The measuring pass fails with
    // "regular expression is too large" when a group's running length passes 65536 code units at an item
    // boundary, or when the total does (the 8-bit library with its default 2-byte links). This mirrors that pass
    // item by item, in pattern order, so the other errors it finds (a reference to a missing group, \K in a
    // lookaround...) come in the same order as PCRE2's.
    internal sealed partial class PcreCompileChecker
    {
        private const int LinkSize = 2;
        private const int Imm2Size = 2;
        private const long MaxPatternSize = 1 << 16;
        private const long OverflowMax = int.MaxValue - 20;

        // The brackets that remain of a measured group, and that PCRE2 wraps around some possessive repeats.
        private const int Brackets = 2 + 2 * LinkSize;

        private long _total = 1;
        private readonly List<int> _openCaptureDepths = new List<int>();

        private enum RepeatKind
        {
            Char,
            CharType,
            Class,
            Reference,
            Recursion,
            Group,
            Assertion,
            ScriptRun,
            Conditional,
            Other,
        }

        private bool TooLarge() => Fail(PcreErrors.PatternTooLarge, _patternLength);

        private bool Add(ref long length, long delta)
        {
            if (OverflowMax - length < delta)
            {
                return TooLarge();
            }

            length += delta;
            return true;
        }

        /// <summary>compile_regex: a group's length (brackets, alternations, every branch), or false on an error.</summary>
        private bool CompileGroup(ParsedGroup group, int skipUnits, int assertDepth, out long length)
        {
            length = Brackets + skipUnits;
            var capture = group.Kind == GroupKind.Capture;
            if (capture)
            {
                _openCaptureDepths.Add(assertDepth);
            }

            for (var i = 0; i < group.Branches.Count; i++)
            {
                if (i > 0)
                {
                    length += 1 + LinkSize;
                }

                // A lookbehind branch that is not empty starts by stepping back.
                if (IsLookbehind(group.Kind) && i < group.LookbehindBranchLengths.Count && group.LookbehindBranchLengths[i] > 0)
                {
                    length += 1 + LinkSize;
                }

                if (!CompileBranch(group.Branches[i], ref length, assertDepth))
                {
                    return false;
                }
            }

            if (capture)
            {
                _openCaptureDepths.RemoveAt(_openCaptureDepths.Count - 1);
            }

            return true;
        }

        /// <summary>
        /// compile_branch: each item's code is added to the group's length when the next item starts; an item
        /// that its quantifier shrinks (x{0}) still counts its own size.
        /// </summary>
        private bool CompileBranch(List<ParsedItem> branch, ref long length, int assertDepth)
        {
            long code = 0, lastCode = 0;
            foreach (var item in branch)
            {
                var repeat = item as ParsedRepeat;
                var target = repeat?.Body ?? item;

                // [[:<:]] and [[:>:]] are two items: \b, then a lookaround on \w.
                if (target is ParsedUnsupportedAtom { Kind: AtomKind.WordStart or AtomKind.WordEnd })
                {
                    if (!Boundary(ref length, ref code, ref lastCode))
                    {
                        return false;
                    }

                    code = 1;
                }

                if (!Boundary(ref length, ref code, ref lastCode) ||
                    !ItemCode(target, assertDepth, repeat != null, ref length, out code, out var kind, out var unit, out var groupLength))
                {
                    return false;
                }

                if (repeat != null)
                {
                    lastCode = code;
                    if (!ApplyRepeat(repeat, kind, unit, groupLength, ref code, ref length))
                    {
                        return false;
                    }
                }
            }

            return Boundary(ref length, ref code, ref lastCode);
        }

        private bool Boundary(ref long length, ref long code, ref long lastCode)
        {
            if (code < lastCode)
            {
                code = lastCode;
            }

            if (!Add(ref length, code))
            {
                return false;
            }

            if (length > MaxPatternSize)
            {
                return TooLarge();
            }

            code = 0;
            lastCode = 0;
            return true;
        }

        /// <summary>
        /// The code an item leaves in the workspace (a group leaves its brackets; the rest of its length is added
        /// directly), after the checks PCRE2 makes while compiling it.
        /// </summary>
        private bool ItemCode(
            ParsedItem item,
            int assertDepth,
            bool quantified,
            ref long length,
            out long code,
            out RepeatKind kind,
            out int unit,
            out long groupLength)
        {
            code = 1;
            kind = RepeatKind.Other;
            unit = 1;
            groupLength = 0;
            switch (item)
            {
                case ParsedChar literal:
                    if ((_scan.Utf || _scan.Ucp) && literal.Caseless && PcreCharTables.HasSeveralOtherCases(literal.Value))
                    {
                        // A character with several other cases is a property test in caseless UTF or UCP mode.
                        code = unit = 3;
                        kind = RepeatKind.CharType;
                        return true;
                    }

                    unit = _scan.Utf ? Utf8Length(literal.Value) : 1;
                    code = 1 + unit;
                    kind = RepeatKind.Char;
                    return true;

                case ParsedSet set:
                    code = set.CodeLength;
                    unit = set.RepeatUnit;
                    kind = set.Shape == SetShape.Char ? RepeatKind.Char : set.Shape == SetShape.CharType ? RepeatKind.CharType : RepeatKind.Class;
                    return true;

                case ParsedUnsupportedAtom atom:
                    switch (atom.Kind)
                    {
                        case AtomKind.WordStart:
                            // (?=\w): brackets around one type.
                            code = Brackets;
                            groupLength = Brackets + 1;
                            kind = RepeatKind.Assertion;
                            return Add(ref length, groupLength - code);
                        case AtomKind.WordEnd:
                            // (?<=\w): brackets around a one-unit step back and one type.
                            code = Brackets;
                            groupLength = Brackets + 1 + LinkSize + 1;
                            kind = RepeatKind.Assertion;
                            return Add(ref length, groupLength - code);
                        case AtomKind.Property:
                            code = 3;
                            unit = 3;
                            kind = RepeatKind.CharType;
                            return true;
                        default:
                            kind = RepeatKind.CharType;
                            return true;
                    }

                case ParsedAssertion _:
                    return true;

                case ParsedKeep _:
                    return assertDepth == 0 || Fail(PcreErrors.KeepInLookaround, _patternLength);

                case ParsedBackreference reference:
                    code = 1 + Imm2Size;
                    kind = RepeatKind.Reference;
                    if (reference.Name != null)
                    {
                        var named = FindName(reference.Name);
                        if (named == null)
                        {
                            return Fail(PcreErrors.NonExistentSubpattern, reference.ErrorOffset);
                        }

                        if (named.IsDuplicate)
                        {
                            code = 1 + 2 * Imm2Size;
                        }

                        return true;
                    }

                    return reference.Number <= _scan.GroupCount || Fail(PcreErrors.NonExistentSubpattern, reference.ErrorOffset);

                case ParsedRecursion recursion:
                    code = 1 + LinkSize;
                    kind = RepeatKind.Recursion;
                    if (recursion.Name != null ? FindName(recursion.Name) == null : recursion.Number > _scan.GroupCount)
                    {
                        return Fail(PcreErrors.NonExistentSubpattern, recursion.ErrorOffset);
                    }

                    return true;

                case ParsedVerb verb:
                    return VerbCode(verb, assertDepth, ref length, out code);

                case ParsedCallout callout:
                    if (callout.StringLength >= 0)
                    {
                        code = 0;
                        return Add(ref length, callout.StringLength + 1 + 4 * LinkSize);
                    }

                    code = 2 + 2 * LinkSize;
                    return true;

                case ParsedGroup group:
                    return GroupCode(group, assertDepth, quantified, ref length, out code, out kind, out groupLength);

                default:
                    return true;
            }
        }

        private bool VerbCode(ParsedVerb verb, int assertDepth, ref long length, out long code)
        {
            code = 1;
            var hasArgument = verb.ArgumentLength >= 0;
            if (verb.Kind == VerbKind.Accept || verb.Kind == VerbKind.Fail)
            {
                // An argument becomes a (*MARK) item before the verb.
                if (hasArgument && (!Add(ref length, 3 + verb.ArgumentLength) || length > MaxPatternSize))
                {
                    return TooLarge();
                }

                if (verb.Kind == VerbKind.Accept)
                {
                    // (*ACCEPT) closes the captures it is in (within the same assertion).
                    var closes = 0;
                    for (var i = _openCaptureDepths.Count - 1; i >= 0 && _openCaptureDepths[i] >= assertDepth; i--)
                    {
                        closes++;
                    }

                    return Add(ref length, closes * (1 + Imm2Size));
                }

                return true;
            }

            if (hasArgument || verb.Kind == VerbKind.Mark)
            {
                code = 3;
                return Add(ref length, Math.Max(0, verb.ArgumentLength));
            }

            return true;
        }

        private bool GroupCode(
            ParsedGroup group,
            int assertDepth,
            bool quantified,
            ref long length,
            out long code,
            out RepeatKind kind,
            out long groupLength)
        {
            code = Brackets;
            groupLength = 0;
            kind = RepeatKind.Group;
            var skipUnits = 0;
            switch (group.Kind)
            {
                case GroupKind.Capture:
                    skipUnits = Imm2Size;
                    break;
                case GroupKind.ScriptRun:
                    kind = RepeatKind.ScriptRun;
                    break;
                case GroupKind.Conditional:
                    kind = RepeatKind.Conditional;
                    if (!CheckCondition(group, out skipUnits))
                    {
                        return false;
                    }

                    break;
                case GroupKind.NegativeLookahead when !quantified && group.Branches.Count == 1 && group.Branches[0].Count == 0:
                    code = 1; // an unquantified (?!) is (*FAIL)
                    kind = RepeatKind.Other;
                    return true;
            }

            if (IsAssertion(group.Kind))
            {
                kind = RepeatKind.Assertion;
                assertDepth++;
            }

            if (group.AtomicScriptRun)
            {
                // (*asr: is a script run around an atomic group.
                if (!CompileGroup(group, 0, assertDepth, out var atomicLength))
                {
                    return false;
                }

                groupLength = Brackets + atomicLength;
            }
            else if (!CompileGroup(group, skipUnits, assertDepth, out groupLength))
            {
                return false;
            }

            return Add(ref length, groupLength - code);
        }

        /// <summary>Checks a condition's reference and gives the units it adds after the group's opening bracket.</summary>
        private bool CheckCondition(ParsedGroup group, out int skipUnits)
        {
            skipUnits = 0;
            switch (group.Condition)
            {
                case ConditionKind.Number:
                    skipUnits = 1 + Imm2Size;
                    return group.ConditionNumber <= _scan.GroupCount || Fail(PcreErrors.NonExistentSubpattern, group.ConditionOffset);

                case ConditionKind.Name:
                case ConditionKind.RecursionName:
                case ConditionKind.RecursionNumber:
                    skipUnits = 1 + Imm2Size;
                    var named = FindName(group.ConditionName!);
                    if (named != null)
                    {
                        if (named.IsDuplicate)
                        {
                            skipUnits = 1 + 2 * Imm2Size;
                        }

                        return true;
                    }

                    // (?(Rdigits) without such a name tests recursion into group "digits".
                    var number = 0;
                    if (group.Condition == ConditionKind.RecursionNumber)
                    {
                        var name = group.ConditionName!;
                        for (var i = 1; i < name.Length; i++)
                        {
                            number = number * 10 + name[i] - '0';
                            if (number > 65535)
                            {
                                return Fail(PcreErrors.SubpatternNumberTooBig, group.ConditionOffset + i);
                            }
                        }
                    }

                    if (group.Condition != ConditionKind.RecursionNumber || number > _scan.GroupCount)
                    {
                        return Fail(PcreErrors.NonExistentSubpattern, group.ConditionOffset);
                    }

                    return true;

                case ConditionKind.Define:
                case ConditionKind.Version:
                    skipUnits = 1;
                    return true;

                default:
                    return true;
            }
        }

        /// <summary>What a quantifier makes of the code of the item before it, as PCRE2's sizing pass counts it.</summary>
        private bool ApplyRepeat(ParsedRepeat repeat, RepeatKind kind, int unit, long groupLength, ref long code, ref long length)
        {
            var min = (long)repeat.Min;
            var max = repeat.Max < 0 ? long.MaxValue : repeat.Max;
            var unlimited = repeat.Max < 0;
            var possessive = repeat.Possessive;
            var itemCode = code;

            switch (kind)
            {
                case RepeatKind.Char:
                case RepeatKind.CharType:
                    if (min == 1 && max == 1)
                    {
                        // A possessive {1} of a character type is wrapped in brackets; of a character, ignored.
                        code += possessive && kind == RepeatKind.CharType ? Brackets : 0;
                        return true;
                    }

                    if (max == 0)
                    {
                        code = 0;
                        return true;
                    }

                    if (min == 0)
                    {
                        code = (unlimited || max == 1 ? 1 : 1 + Imm2Size) + unit;
                    }
                    else if (min == 1)
                    {
                        // x+ is one opcode; x{1,n} keeps x and adds an "up to n-1".
                        code = unlimited ? 1 + unit : itemCode + 1 + Imm2Size + unit;
                        if (!unlimited && possessive && kind == RepeatKind.CharType)
                        {
                            code += Brackets;
                        }
                    }
                    else
                    {
                        // "Exactly min", then "up to max-min" (or '?' or '*').
                        code = 1 + Imm2Size + unit;
                        if (max != min)
                        {
                            code += unit + (unlimited || max - min == 1 ? 1 : 1 + Imm2Size);
                        }
                    }

                    return true;

                case RepeatKind.Class:
                case RepeatKind.Reference:
                    if (max == 0)
                    {
                        code = 0;
                        return true;
                    }

                    if (!(min == 1 && max == 1))
                    {
                        code += (min == 0 && (unlimited || max == 1)) || (min == 1 && unlimited) ? 1 : 1 + 2 * Imm2Size;
                    }

                    if (possessive && kind == RepeatKind.Reference)
                    {
                        code += Brackets;
                    }

                    return true;

                case RepeatKind.Recursion:
                    if (min == 1 && max == 1 && !possessive)
                    {
                        return true;
                    }

                    // The call is copied for its minimum, then the rest is repeated as a bracketed group.
                    if (min > 0 && (min != 1 || !unlimited))
                    {
                        var replicate = min == max ? min - 1 : min;
                        if (replicate * (1 + LinkSize) > int.MaxValue || !Add(ref length, replicate * (1 + LinkSize)))
                        {
                            return TooLarge();
                        }

                        if (min == max)
                        {
                            code += possessive ? Brackets : 0;
                            return true;
                        }

                        if (!unlimited)
                        {
                            max -= min;
                        }

                        min = 0;
                    }

                    code += Brackets;
                    return RepeatGroup(RepeatKind.Group, 3 + 3 * LinkSize, min, max, unlimited, possessive, ref code, ref length);

                case RepeatKind.Group:
                case RepeatKind.Assertion:
                case RepeatKind.ScriptRun:
                case RepeatKind.Conditional:
                    return RepeatGroup(kind, groupLength, min, max, unlimited, possessive, ref code, ref length);

                default:
                    return true;
            }
        }

        /// <summary>
        /// A repeated group is copied: min times, then max-min optional copies nested in brackets (the sizing pass
        /// adds their lengths directly).
        /// </summary>
        private bool RepeatGroup(RepeatKind kind, long groupLength, long min, long max, bool unlimited, bool possessive, ref long code, ref long length)
        {
            if (min == 1 && max == 1 && !possessive)
            {
                return true;
            }

            // An assertion repeated without limit is repeated once more than its minimum.
            if (kind == RepeatKind.Assertion && unlimited)
            {
                max = min + 1;
                unlimited = false;
            }

            var nestedCopies = false;
            if (min == 0)
            {
                if (max <= 1 || unlimited)
                {
                    code += 1;
                    if (max == 0)
                    {
                        return true;
                    }
                }
                else
                {
                    code += 2 + LinkSize;
                    nestedCopies = true;
                }

                if (!unlimited)
                {
                    max--;
                }
            }
            else
            {
                if (min > 1)
                {
                    var delta = (min - 1) * groupLength;
                    if (delta > int.MaxValue || !Add(ref length, delta))
                    {
                        return TooLarge();
                    }
                }

                if (!unlimited)
                {
                    max -= min;
                }
            }

            if (!unlimited)
            {
                if (max > 0)
                {
                    var copies = max * (groupLength + 1 + 2 + 2 * LinkSize);
                    if (copies > int.MaxValue || !Add(ref length, copies - 2 - 2 * LinkSize))
                    {
                        return TooLarge();
                    }
                }

                if (nestedCopies)
                {
                    code += 1 + LinkSize;
                }
            }
            else if (possessive && kind != RepeatKind.ScriptRun)
            {
                // Unlimited possessive groups get possessive brackets (a conditional is wrapped in them first);
                // only with a minimum of 2 or more are the copies also wrapped.
                if (kind == RepeatKind.Conditional)
                {
                    code += Brackets;
                }

                if (min < 2)
                {
                    possessive = false;
                }
            }

            if (possessive)
            {
                code += Brackets;
            }

            return true;
        }

        private static int Utf8Length(int c) => c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;

        private static bool IsLookbehind(GroupKind kind) =>
            kind == GroupKind.Lookbehind || kind == GroupKind.NegativeLookbehind || kind == GroupKind.NonAtomicLookbehind;
    }
}
