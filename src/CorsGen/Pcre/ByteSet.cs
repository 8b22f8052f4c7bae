using System;
using System.Text;

namespace CorsGen.Pcre
{
    /// <summary>
    /// An immutable set of code units 0..255: the alphabet PCRE2's 8-bit library sees when it runs
    /// without UTF mode, as Kong runs it. The parser resolves every escape, class, case option and
    /// <c>.</c> to one of these, so the automata never see PCRE2 syntax.
    /// </summary>
    internal readonly struct ByteSet : IEquatable<ByteSet>
    {
        private readonly ulong _w0, _w1, _w2, _w3;

        private ByteSet(ulong w0, ulong w1, ulong w2, ulong w3)
        {
            _w0 = w0; _w1 = w1; _w2 = w2; _w3 = w3;
        }

        public static ByteSet Empty => default;

        public static ByteSet All => new ByteSet(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

        public static ByteSet Single(int value) => Range(value, value);

        /// <summary>The values <paramref name="first"/>..<paramref name="last"/>, both included.</summary>
        public static ByteSet Range(int first, int last)
        {
            if (first < 0 || last > 255 || first > last)
            {
                throw new ArgumentOutOfRangeException(nameof(first), $"{first}..{last} is not a range of 0..255");
            }

            ulong w0 = 0, w1 = 0, w2 = 0, w3 = 0;
            for (var v = first; v <= last; v++)
            {
                var bit = 1UL << (v & 63);
                switch (v >> 6)
                {
                    case 0: w0 |= bit; break;
                    case 1: w1 |= bit; break;
                    case 2: w2 |= bit; break;
                    default: w3 |= bit; break;
                }
            }

            return new ByteSet(w0, w1, w2, w3);
        }

        public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

        public bool Contains(int value)
        {
            if ((uint)value > 255)
            {
                return false;
            }

            var word = (value >> 6) switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };
            return (word & (1UL << (value & 63))) != 0;
        }

        public int Count
        {
            get
            {
                var count = 0;
                for (var v = 0; v < 256; v++)
                {
                    if (Contains(v))
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        public ByteSet Union(ByteSet other) => new ByteSet(_w0 | other._w0, _w1 | other._w1, _w2 | other._w2, _w3 | other._w3);

        public ByteSet Intersect(ByteSet other) => new ByteSet(_w0 & other._w0, _w1 & other._w1, _w2 & other._w2, _w3 & other._w3);

        public ByteSet Except(ByteSet other) => new ByteSet(_w0 & ~other._w0, _w1 & ~other._w1, _w2 & ~other._w2, _w3 & ~other._w3);

        public ByteSet Complement() => new ByteSet(~_w0, ~_w1, ~_w2, ~_w3);

        public bool Equals(ByteSet other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

        public override bool Equals(object? obj) => obj is ByteSet other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = _w0.GetHashCode();
                hash = (hash * 397) ^ _w1.GetHashCode();
                hash = (hash * 397) ^ _w2.GetHashCode();
                return (hash * 397) ^ _w3.GetHashCode();
            }
        }

        public static bool operator ==(ByteSet left, ByteSet right) => left.Equals(right);

        public static bool operator !=(ByteSet left, ByteSet right) => !left.Equals(right);

        /// <summary>A class-like rendering for debugging and comments, e.g. <c>[0-9a-z]</c>.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder("[");
            var v = 0;
            while (v < 256)
            {
                if (!Contains(v))
                {
                    v++;
                    continue;
                }

                var start = v;
                while (v + 1 < 256 && Contains(v + 1))
                {
                    v++;
                }

                Append(builder, start);
                if (v > start)
                {
                    builder.Append('-');
                    Append(builder, v);
                }

                v++;
            }

            return builder.Append(']').ToString();

            static void Append(StringBuilder b, int value)
            {
                if (value > 0x20 && value < 0x7F && value != '\\' && value != ']' && value != '-' && value != '[' && value != '^')
                {
                    b.Append((char)value);
                }
                else
                {
                    b.Append("\\x").Append(value.ToString("x2"));
                }
            }
        }
    }
}
