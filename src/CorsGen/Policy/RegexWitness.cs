using System.Collections.Generic;
using System.Text;
using CorsGen.Automata;

namespace CorsGen.Policy
{
    /// <summary>
    /// Questions about what an origin regex really accepts, answered on its automaton rather than on
    /// its text: the shortest subject of visible ASCII (what a D4-valid origin is made of) that one DFA
    /// accepts and another rejects, optionally starting with a given prefix. The analyzer quotes these
    /// subjects in its messages ("so it allows 'https://evilexample.com'").
    /// </summary>
    internal static class RegexWitness
    {
        /// <summary>How many state pairs a search may visit before it gives up (no witness claimed).</summary>
        private const int MaxPairs = 200_000;

        /// <summary>Visible ASCII, dots and letters first, so the witnesses read like host names.</summary>
        private static readonly char[] Alphabet = BuildAlphabet();

        /// <summary>
        /// The shortest visible-ASCII subject starting with <paramref name="prefix"/> that <paramref name="accepts"/>
        /// matches, <paramref name="rejects"/> (if any) does not, and <paramref name="within"/> (if any) matches too;
        /// null when there is none (or the search is too large to decide). Among the shortest, the first in the order
        /// '.', 'x', other letters, digits, '-', then the rest: wildcard positions read as dots and a
        /// character that proves a point reads as an 'x'.
        /// </summary>
        public static string? Find(Dfa accepts, Dfa? rejects = null, string prefix = "", Dfa? within = null)
        {
            var start = new Triple(Step(accepts, accepts.StartState, prefix), rejects is null ? -1 : Step(rejects, rejects.StartState, prefix), within is null ? -1 : Step(within, within.StartState, prefix));
            var parents = new Dictionary<Triple, (Triple Parent, char Via)> { [start] = (start, '\0') };
            var queue = new Queue<Triple>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                if (IsWitness(accepts, rejects, within, current))
                {
                    return prefix + Path(parents, start, current);
                }

                if (current.A == accepts.DeadState
                    || (rejects is not null && current.B == rejects.MatchState)
                    || (within is not null && current.C == within.DeadState))
                {
                    continue;
                }

                foreach (var c in Alphabet)
                {
                    var next = new Triple(Next(accepts, current.A, c), rejects is null ? -1 : Next(rejects, current.B, c), within is null ? -1 : Next(within, current.C, c));
                    if (!parents.ContainsKey(next))
                    {
                        if (parents.Count >= MaxPairs)
                        {
                            return null;
                        }

                        parents[next] = (current, c);
                        queue.Enqueue(next);
                    }
                }
            }

            return null;
        }

        private readonly record struct Triple(int A, int B, int C);

        private static int Step(Dfa dfa, int state, string text)
        {
            foreach (var c in text)
            {
                state = Next(dfa, state, c);
            }

            return state;
        }

        /// <summary>A step that stays in the match and dead states (both absorb everything).</summary>
        private static int Next(Dfa dfa, int state, char c) =>
            state == dfa.MatchState || state == dfa.DeadState ? state : dfa.Next(state, dfa.ByteClasses[c]);

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
            var first = ".xabcdefghijklmnopqrstuvwyz0123456789-";
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

        /// <summary>Whether the subject read so far (ending here) is a witness.</summary>
        private static bool IsWitness(Dfa accepts, Dfa? rejects, Dfa? within, Triple state) =>
            Accepts(accepts, state.A)
            && (within is null || Accepts(within, state.C))
            && (rejects is null || state.B == rejects.DeadState || (state.B != rejects.MatchState && !rejects.AcceptsAtEnd[state.B]));

        private static bool Accepts(Dfa dfa, int state) => state == dfa.MatchState || (state != dfa.DeadState && dfa.AcceptsAtEnd[state]);

        private static string Path(Dictionary<Triple, (Triple Parent, char Via)> parents, Triple start, Triple end)
        {
            var chars = new StringBuilder();
            for (var current = end; !current.Equals(start); current = parents[current].Parent)
            {
                chars.Insert(0, parents[current].Via);
            }

            return chars.ToString();
        }
    }
}
