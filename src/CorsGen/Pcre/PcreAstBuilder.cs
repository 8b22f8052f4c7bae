using System.Collections.Generic;
using System.Collections.Immutable;

namespace CorsGen.Pcre
{
    /// <summary>
    /// Reduces the parser's tree to the public <see cref="RegexNode"/> AST. Every construct a DFA cannot express
    /// exactly becomes one <see cref="UnsupportedNode"/> spanning the construct (for groups such as lookarounds,
    /// the whole group; for a possessive quantifier, the quantifier); what is inside it is not represented.
    /// </summary>
    internal sealed class PcreAstBuilder
    {
        private readonly bool _utf;
        private readonly ImmutableArray<UnsupportedNode>.Builder _unsupported = ImmutableArray.CreateBuilder<UnsupportedNode>();

        private PcreAstBuilder(bool utf)
        {
            _utf = utf;
        }

        public static (RegexNode Root, ImmutableArray<UnsupportedNode> Unsupported) Build(
            ParsedGroup root,
            bool utf,
            IReadOnlyList<(string Construct, int Offset, int End)> startItems)
        {
            var builder = new PcreAstBuilder(utf);
            var prefix = new List<RegexNode>();
            foreach (var (construct, offset, end) in startItems)
            {
                prefix.Add(builder.Unsupported(construct, offset, end));
            }

            var body = builder.Body(root);
            if (prefix.Count == 0)
            {
                return (body, builder._unsupported.ToImmutable());
            }

            prefix.Add(body);
            var start = prefix[0].Offset;
            return (new SequenceNode(prefix.ToImmutableArray(), start, root.End - start), builder._unsupported.ToImmutable());
        }

        private UnsupportedNode Unsupported(string construct, int offset, int end)
        {
            var node = new UnsupportedNode(construct, offset, end - offset);
            _unsupported.Add(node);
            return node;
        }

        /// <summary>A group's branches: one <see cref="SequenceNode"/>, or an <see cref="AlternationNode"/> of them.</summary>
        private RegexNode Body(ParsedGroup group)
        {
            var branches = ImmutableArray.CreateBuilder<RegexNode>(group.Branches.Count);
            for (var i = 0; i < group.Branches.Count; i++)
            {
                branches.Add(Sequence(group.Branches[i], i < group.BranchEnds.Count ? group.BranchEnds[i] : group.End));
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            var first = branches[0].Offset;
            var last = branches[branches.Count - 1];
            return new AlternationNode(branches.MoveToImmutable(), first, last.Offset + last.Length - first);
        }

        /// <summary>A branch: from its first item to its last, or empty where it ends.</summary>
        private SequenceNode Sequence(List<ParsedItem> branch, int branchEnd)
        {
            var items = ImmutableArray.CreateBuilder<RegexNode>(branch.Count);
            var start = branch.Count > 0 ? branch[0].Offset : branchEnd;
            var end = start;
            foreach (var item in branch)
            {
                AddNodes(items, item);
                end = item.End;
            }

            return new SequenceNode(items.ToImmutable(), start, end - start);
        }

        private void AddNodes(ImmutableArray<RegexNode>.Builder items, ParsedItem item)
        {
            // A literal beyond ASCII in UTF mode is several bytes in a row.
            if (item is ParsedChar { Value: > 0x7F } wide && _utf)
            {
                foreach (var b in Utf8(wide.Value))
                {
                    items.Add(new SetNode(ByteSet.Single(b), wide.Offset, wide.End - wide.Offset));
                }

                return;
            }

            items.Add(Node(item));
        }

        private RegexNode Node(ParsedItem item)
        {
            var length = item.End - item.Offset;
            switch (item)
            {
                case ParsedChar literal:
                    // After (*UTF) a character beyond ASCII is its UTF-8 bytes in a row. (UTF mode is always
                    // reported unsupported; its classes keep only code points below 256.)
                    if (literal.Value > 0xFF || (_utf && literal.Value > 0x7F))
                    {
                        var bytes = ImmutableArray.CreateBuilder<RegexNode>();
                        foreach (var b in Utf8(literal.Value))
                        {
                            bytes.Add(new SetNode(ByteSet.Single(b), literal.Offset, length));
                        }

                        return new SequenceNode(bytes.ToImmutable(), literal.Offset, length);
                    }

                    var set = ByteSet.Single(literal.Value);
                    if (literal.Caseless)
                    {
                        set = set.Union(ByteSet.Single(PcreCharTables.OtherCase(literal.Value)));
                    }

                    return new SetNode(set, literal.Offset, length);

                case ParsedSet parsedSet:
                    if (parsedSet.UnsupportedConstruct != null)
                    {
                        return Unsupported(parsedSet.UnsupportedConstruct, parsedSet.UnsupportedOffset, parsedSet.UnsupportedEnd);
                    }

                    return new SetNode(parsedSet.Set, parsedSet.Offset, length);

                case ParsedAssertion assertion:
                    return new AssertionNode(assertion.Kind, assertion.Offset, length);

                case ParsedKeep keep:
                    // \K only moves the reported match start: no effect on a yes/no match.
                    return new SequenceNode(ImmutableArray<RegexNode>.Empty, keep.Offset, length);

                case ParsedUnsupportedAtom atom:
                    return Unsupported(atom.Construct, atom.Offset, atom.End);

                case ParsedBackreference reference:
                    return Unsupported("a backreference", reference.Offset, reference.End);

                case ParsedRecursion recursion:
                    return Unsupported(
                        recursion.Name == null && recursion.Number == 0 ? "a recursive pattern call" : "a subroutine call",
                        recursion.Offset,
                        recursion.End);

                case ParsedVerb verb:
                    return Unsupported("the backtracking control verb " + verb.Name, verb.Offset, verb.End);

                case ParsedCallout callout:
                    return Unsupported("a callout", callout.Offset, callout.End);

                case ParsedRepeat repeat:
                    if (repeat.Possessive)
                    {
                        return Unsupported("a possessive quantifier", repeat.QuantifierOffset, repeat.End);
                    }

                    return new RepeatNode(Node(repeat.Body), repeat.Min, repeat.Max, repeat.Lazy, repeat.Offset, length);

                case ParsedGroup group:
                    return Group(group);

                default:
                    return Unsupported("an unknown construct", item.Offset, item.End);
            }
        }

        private RegexNode Group(ParsedGroup group)
        {
            switch (group.Kind)
            {
                case GroupKind.Capture:
                    return new GroupNode(Body(group), true, group.Name, group.Offset, group.End - group.Offset);
                case GroupKind.NonCapture:
                case GroupKind.BranchReset:
                    return new GroupNode(Body(group), false, null, group.Offset, group.End - group.Offset);
                case GroupKind.Atomic:
                    return Unsupported("an atomic group", group.Offset, group.End);
                case GroupKind.Lookahead:
                    return Unsupported("a lookahead assertion", group.Offset, group.End);
                case GroupKind.NegativeLookahead:
                    return Unsupported("a negative lookahead assertion", group.Offset, group.End);
                case GroupKind.NonAtomicLookahead:
                    return Unsupported("a non-atomic lookahead assertion", group.Offset, group.End);
                case GroupKind.Lookbehind:
                    return Unsupported("a lookbehind assertion", group.Offset, group.End);
                case GroupKind.NegativeLookbehind:
                    return Unsupported("a negative lookbehind assertion", group.Offset, group.End);
                case GroupKind.NonAtomicLookbehind:
                    return Unsupported("a non-atomic lookbehind assertion", group.Offset, group.End);
                case GroupKind.ScriptRun:
                    return Unsupported("a script run", group.Offset, group.End);
                default:
                    return Unsupported("a conditional group", group.Offset, group.End);
            }
        }

        private static byte[] Utf8(int codePoint)
        {
            if (codePoint < 0x80)
            {
                return new[] { (byte)codePoint };
            }

            if (codePoint < 0x800)
            {
                return new[] { (byte)(0xC0 | (codePoint >> 6)), (byte)(0x80 | (codePoint & 0x3F)) };
            }

            if (codePoint < 0x10000)
            {
                return new[]
                {
                    (byte)(0xE0 | (codePoint >> 12)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F)),
                };
            }

            return new[]
            {
                (byte)(0xF0 | (codePoint >> 18)), (byte)(0x80 | ((codePoint >> 12) & 0x3F)),
                (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F)),
            };
        }
    }
}
