using System.Collections.Generic;

namespace CorsGen.Pcre
{
    /// <summary>Walks over a parsed pattern's tree (<see cref="RegexNode"/>), for the checks that read its shape.</summary>
    internal static class RegexTree
    {
        /// <summary>The node a group or a one-item sequence stands for, unwrapped to the first node that is neither.</summary>
        public static RegexNode Unwrap(RegexNode node)
        {
            while (true)
            {
                switch (node)
                {
                    case GroupNode group:
                        node = group.Body;
                        continue;
                    case SequenceNode { Items.Length: 1 } sequence:
                        node = sequence.Items[0];
                        continue;
                    default:
                        return node;
                }
            }
        }

        /// <summary>Every node of a tree, parents before children, children in order.</summary>
        public static IEnumerable<RegexNode> Nodes(RegexNode root)
        {
            var stack = new Stack<RegexNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                switch (node)
                {
                    case SequenceNode sequence:
                        for (var i = sequence.Items.Length - 1; i >= 0; i--)
                        {
                            stack.Push(sequence.Items[i]);
                        }

                        break;
                    case AlternationNode alternation:
                        for (var i = alternation.Alternatives.Length - 1; i >= 0; i--)
                        {
                            stack.Push(alternation.Alternatives[i]);
                        }

                        break;
                    case RepeatNode repeat:
                        stack.Push(repeat.Body);
                        break;
                    case GroupNode group:
                        stack.Push(group.Body);
                        break;
                }
            }
        }
    }
}
