using System;
using System.Linq;
using CorsGen.Automata;

namespace CorsGen.Runtime
{
    /// <summary>
    /// A minimized DFA of configured regex entries, laid out for the request path as the generated tables are: the
    /// transitions premultiplied by the class count (a state is its row's offset), the byte classes of the chars, and
    /// the literal text every match ends with checked first, so most other origins are refused by one comparison.
    /// Reads each char once; allocates nothing.
    /// </summary>
    internal sealed class RuntimeDfa
    {
        private readonly byte[] _classes;
        private readonly int[] _next;
        private readonly bool[] _acceptsAtEnd;
        private readonly int _classCount;
        private readonly int _start;
        private readonly int _match;
        private readonly int _dead;
        private readonly string _suffix;
        private readonly bool _suffixBeforeFinalNewline;

        /// <param name="dfa">The automaton.</param>
        /// <param name="suffix">Literal text every match ends with (RegexSuffix), or empty.</param>
        /// <param name="suffixBeforeFinalNewline">A final newline may follow <paramref name="suffix"/> (PCRE2's <c>$</c>).</param>
        public RuntimeDfa(Dfa dfa, string suffix, bool suffixBeforeFinalNewline)
        {
            _classCount = dfa.ClassCount;
            _classes = dfa.ByteClasses.ToArray();
            _next = dfa.Transitions.Select(target => target * dfa.ClassCount).ToArray();
            _acceptsAtEnd = dfa.AcceptsAtEnd.ToArray();
            _start = dfa.StartState * _classCount;
            _match = dfa.MatchState < 0 ? -1 : dfa.MatchState * _classCount;
            _dead = dfa.DeadState < 0 ? -1 : dfa.DeadState * _classCount;
            _suffix = suffix;
            _suffixBeforeFinalNewline = suffixBeforeFinalNewline;
        }

        /// <summary>Kong's match (O6): anchored at the start, <c>$</c> also before one final newline.</summary>
        public bool IsMatch(ReadOnlySpan<char> subject)
        {
            if (_suffix.Length > 0
                && !subject.EndsWith(_suffix, StringComparison.Ordinal)
                && !(_suffixBeforeFinalNewline && subject.Length > 0 && subject[subject.Length - 1] == '\n' && subject.Slice(0, subject.Length - 1).EndsWith(_suffix, StringComparison.Ordinal)))
            {
                return false;
            }

            var state = _start;
            if (state == _match)
            {
                return true;
            }

            if (state == _dead)
            {
                return false;
            }

            var classes = _classes;
            var next = _next;
            foreach (var c in subject)
            {
                if (c > '\u00ff')
                {
                    return false;
                }

                state = next[state + classes[c]];
                if (state == _match)
                {
                    return true;
                }

                if (state == _dead)
                {
                    return false;
                }
            }

            return _acceptsAtEnd[state / _classCount];
        }
    }
}
