using System.Collections.Generic;
using System.Text;
using CorsGen.Pcre;

namespace CorsGen.Policy
{
    /// <summary>
    /// The literal text every match of a regex entry must end with, when its pattern ends with literal
    /// characters and then <c>$</c> (or <c>\z</c>), as Kong's adjustment usually makes it. The emitted matcher
    /// checks it first: most origins that do not match are rejected by one <c>EndsWith</c>, without running
    /// the automaton. Derived only where it is sound: a top-level sequence whose last item is an end-of-subject
    /// assertion; anything else (an alternation, a multiline <c>$</c>, no anchor) gives no suffix.
    /// </summary>
    internal static class RegexSuffix
    {
        /// <summary>The required suffix of one pattern, and whether a final newline may follow it (<c>$</c>, not <c>\z</c>).</summary>
        public static (string Suffix, bool BeforeFinalNewline) Of(RegexNode root)
        {
            var items = new List<RegexNode>();
            Flatten(root, items);
            if (items.Count == 0 || items[items.Count - 1] is not AssertionNode { Kind: AssertionKind.EndOfSubject or AssertionKind.EndOfSubjectOrBeforeFinalNewline } end)
            {
                return ("", false);
            }

            var suffix = new StringBuilder();
            for (var i = items.Count - 2; i >= 0 && items[i] is SetNode set && set.Set.Count == 1; i--)
            {
                for (var b = 0; b < 256; b++)
                {
                    if (set.Set.Contains(b))
                    {
                        suffix.Insert(0, (char)b);
                        break;
                    }
                }
            }

            return (suffix.ToString(), end.Kind == AssertionKind.EndOfSubjectOrBeforeFinalNewline);
        }

        /// <summary>The suffix every pattern of a union requires: the longest common suffix of theirs (empty if one has none).</summary>
        public static (string Suffix, bool BeforeFinalNewline) Common(IReadOnlyList<RegexNode> roots)
        {
            string? common = null;
            var newline = false;
            foreach (var root in roots)
            {
                var (suffix, beforeNewline) = Of(root);
                newline |= beforeNewline;
                if (common is null)
                {
                    common = suffix;
                    continue;
                }

                var length = 0;
                while (length < common.Length && length < suffix.Length && common[common.Length - 1 - length] == suffix[suffix.Length - 1 - length])
                {
                    length++;
                }

                common = common.Substring(common.Length - length);
            }

            return (common ?? "", common is { Length: > 0 } && newline);
        }

        private static void Flatten(RegexNode node, List<RegexNode> items)
        {
            switch (node)
            {
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        Flatten(item, items);
                    }

                    break;
                case GroupNode group:
                    Flatten(group.Body, items);
                    break;
                default:
                    items.Add(node);
                    break;
            }
        }
    }
}
