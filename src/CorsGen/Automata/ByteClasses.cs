using System.Collections.Generic;
using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// Byte equivalence classes: the coarsest partition of 0..255 such that every given set is a
    /// union of classes. Automata then step over classes instead of 256 bytes. Classes are numbered
    /// in order of their smallest byte, so equal inputs give equal numberings.
    /// </summary>
    internal static class ByteClasses
    {
        /// <summary>The word code units of <c>\b</c> and <c>\w</c> in PCRE2's default "C" tables: ASCII <c>[A-Za-z0-9_]</c>.</summary>
        public static readonly ByteSet Word =
            ByteSet.Range('a', 'z').Union(ByteSet.Range('A', 'Z')).Union(ByteSet.Range('0', '9')).Union(ByteSet.Single('_'));

        public static readonly ByteSet Newline = ByteSet.Single('\n');

        public static bool IsWord(int b) => (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';

        /// <summary>Refines 0..255 by every set in <paramref name="sets"/>; returns byte -> class.</summary>
        public static byte[] Partition(IEnumerable<ByteSet> sets, out int classCount)
        {
            var classOf = new int[256];
            var count = 1;
            var seen = new HashSet<ByteSet>();
            var map = new int[512];
            foreach (var set in sets)
            {
                if (set.IsEmpty || set == ByteSet.All || !seen.Add(set))
                {
                    continue;
                }

                for (var i = 0; i < count * 2; i++)
                {
                    map[i] = -1;
                }

                // Scanning bytes in ascending order numbers the refined classes by their smallest byte.
                var next = 0;
                for (var b = 0; b < 256; b++)
                {
                    var key = (classOf[b] << 1) | (set.Contains(b) ? 1 : 0);
                    if (map[key] < 0)
                    {
                        map[key] = next++;
                    }

                    classOf[b] = map[key];
                }

                count = next;
                if (count == 256)
                {
                    break;
                }
            }

            var result = new byte[256];
            for (var b = 0; b < 256; b++)
            {
                result[b] = (byte)classOf[b];
            }

            classCount = count;
            return result;
        }

        /// <summary>The smallest byte of each class.</summary>
        public static int[] Representatives(byte[] byteClasses, int classCount)
        {
            var result = new int[classCount];
            for (var i = 0; i < classCount; i++)
            {
                result[i] = -1;
            }

            for (var b = 0; b < 256; b++)
            {
                if (result[byteClasses[b]] < 0)
                {
                    result[byteClasses[b]] = b;
                }
            }

            return result;
        }
    }
}
