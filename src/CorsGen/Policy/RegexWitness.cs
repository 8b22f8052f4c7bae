using System.Collections.Generic;
using System.Text;
using CorsGen.Automata;

namespace CorsGen.Policy
{
    /// <summary>
    /// Questions about what an origin regex really accepts, answered on its automaton rather than on
    /// its text: the shortest subject of visible ASCII (what a D4-valid origin is made of) that one DFA
    /// accepts and another rejects, optionally starting with a given prefix. The analyzer quotes these
    /// subjects in its messages ("also allows 'https://evilexample.com'").
    /// </summary>
    internal static class RegexWitness
    {
        /// <summary>How many state pairs a search may visit before it gives up (no witness claimed).</summary>
        private const int MaxPairs = 200_000;

        /// <summary>Visible ASCII, letters and digits first, so the witnesses read like host names.</summary>
        private static readonly char[] Alphabet = BuildAlphabet();

        /// <summary>
        /// The shortest visible-ASCII subject starting with <paramref name="prefix"/> that
        /// <paramref name="accepts"/> matches and <paramref name="rejects"/> (if any) does not; null when there
        /// is none (or the search is too large to decide).
        /// </summary>
        public static string? Find(Dfa accepts, Dfa? rejects = null, string prefix = "")
        {
            var a = accepts.StartState;
            var b = rejects?.StartState ?? -1;
            foreach (var c in prefix)
            {
                if (a != accepts.MatchState)
                {
                    a = accepts.Next(a, accepts.ByteClasses[c]);
                }

                if (rejects is not null && b != rejects.MatchState)
                {
                    b = rejects.Next(b, rejects.ByteClasses[c]);
                }
            }

            var parents = new Dictionary<long, (long Parent, char Via)>();
            var queue = new Queue<(int A, int B)>();
            var start = Key(a, b);
            parents[start] = (-1, '\0');
            queue.Enqueue((a, b));
            while (queue.Count > 0)
            {
                var (stateA, stateB) = queue.Dequeue();
                if (IsWitness(accepts, rejects, stateA, stateB))
                {
                    return prefix + Path(parents, Key(stateA, stateB));
                }

                if (stateA == accepts.DeadState || (rejects is not null && stateB == rejects.MatchState))
                {
                    continue;
                }

                foreach (var c in Alphabet)
                {
                    var nextA = stateA == accepts.MatchState ? stateA : accepts.Next(stateA, accepts.ByteClasses[c]);
                    var nextB = rejects is null || stateB == rejects.MatchState || stateB == rejects.DeadState ? stateB : rejects.Next(stateB, rejects.ByteClasses[c]);
                    var key = Key(nextA, nextB);
                    if (!parents.ContainsKey(key))
                    {
                        if (parents.Count >= MaxPairs)
                        {
                            return null;
                        }

                        parents[key] = (Key(stateA, stateB), c);
                        queue.Enqueue((nextA, nextB));
                    }
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="dfa"/> accepts some visible-ASCII subject avoiding <paramref name="excluded"/>.</summary>
        public static bool AcceptsWithout(Dfa dfa, char excluded)
        {
            var seen = new bool[dfa.StateCount];
            var stack = new Stack<int>();
            stack.Push(dfa.StartState);
            seen[dfa.StartState] = true;
            while (stack.Count > 0)
            {
                var state = stack.Pop();
                if (state == dfa.MatchState || dfa.AcceptsAtEnd[state])
                {
                    return true;
                }

                for (var c = '!'; c <= '~'; c++)
                {
                    var next = c == excluded ? dfa.DeadState : dfa.Next(state, dfa.ByteClasses[c]);
                    if (next >= 0 && !seen[next])
                    {
                        seen[next] = true;
                        stack.Push(next);
                    }
                }
            }

            return false;
        }

        private static char[] BuildAlphabet()
        {
            var first = "abcdefghijklmnopqrstuvwxyz0123456789-.";
            var chars = new List<char>(first);
            for (var c = '!'; c <= '~'; c++)
            {
                if (first.IndexOf(c) < 0)
                {
                    chars.Add(c);
                }
            }

            return chars.ToArray();
        }

        private static bool IsWitness(Dfa accepts, Dfa? rejects, int a, int b)
        {
            var accepted = a == accepts.MatchState || (a != accepts.DeadState && accepts.AcceptsAtEnd[a]);
            if (!accepted)
            {
                return false;
            }

            if (rejects is null || b == rejects.DeadState)
            {
                return true;
            }

            // A matched state accepts every extension; otherwise the subject ends here.
            return b != rejects.MatchState && !rejects.AcceptsAtEnd[b];
        }

        private static long Key(int a, int b) => ((long)a << 32) | (uint)b;

        private static string Path(Dictionary<long, (long Parent, char Via)> parents, long key)
        {
            var chars = new StringBuilder();
            while (parents[key].Parent != -1)
            {
                chars.Insert(0, parents[key].Via);
                key = parents[key].Parent;
            }

            return chars.ToString();
        }
    }
}
