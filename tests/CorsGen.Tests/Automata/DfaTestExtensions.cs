using System.Text;
using CorsGen.Automata;

namespace CorsGen.Tests.Automata;

/// <summary>Test helpers over a DFA that the product does not need.</summary>
internal static class DfaTestExtensions
{
    /// <summary>A shortest matching subject (chars 0..255, printable ones preferred), or null when the DFA matches nothing.</summary>
    public static string? ShortestMatch(this Dfa dfa)
    {
        if (dfa.IsEmpty)
        {
            return null;
        }

        var pick = new int[dfa.ClassCount];
        var rank = new int[dfa.ClassCount];
        for (var c = 0; c < dfa.ClassCount; c++)
        {
            rank[c] = int.MaxValue;
        }

        for (var b = 0; b < 256; b++)
        {
            var r = b >= 'a' && b <= 'z' ? 0 : b >= '0' && b <= '9' ? 1 : b >= 'A' && b <= 'Z' ? 2 : b > 0x20 && b < 0x7F ? 3 : 4;
            var c = dfa.ByteClasses[b];
            if (r < rank[c])
            {
                rank[c] = r;
                pick[c] = b;
            }
        }

        var parent = new int[dfa.StateCount];
        var via = new int[dfa.StateCount];
        for (var s = 0; s < dfa.StateCount; s++)
        {
            parent[s] = -2;
        }

        var queue = new int[dfa.StateCount];
        int head = 0, tail = 0;
        queue[tail++] = dfa.StartState;
        parent[dfa.StartState] = -1;
        while (head < tail)
        {
            var s = queue[head++];
            if (dfa.AcceptsAtEnd[s])
            {
                var chars = new StringBuilder();
                for (var at = s; parent[at] >= 0; at = parent[at])
                {
                    chars.Insert(0, (char)via[at]);
                }

                return chars.ToString();
            }

            for (var c = 0; c < dfa.ClassCount; c++)
            {
                var t = dfa.Next(s, c);
                if (parent[t] == -2)
                {
                    parent[t] = s;
                    via[t] = pick[c];
                    queue[tail++] = t;
                }
            }
        }

        return null;
    }
}
