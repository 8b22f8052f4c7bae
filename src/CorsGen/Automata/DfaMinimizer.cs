using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CorsGen.Automata
{
    /// <summary>
    /// Minimizes a complete DFA (Hopcroft's partition refinement, O(k n log n)), merges byte classes
    /// that every state treats alike, and numbers everything canonically: classes by their smallest
    /// byte, states in breadth-first order from the start, visiting classes in order. The minimal DFA
    /// of a language is unique, so equal languages give identical tables.
    /// </summary>
    internal static class DfaMinimizer
    {
        public static Dfa Minimize(ImmutableArray<byte> byteClasses, int classCount, int stateCount, int[] transitions, bool[] acceptsAtEnd, int start)
        {
            var blockOf = Refine(classCount, stateCount, transitions, acceptsAtEnd, out var blockCount);

            // The quotient automaton.
            var k = classCount;
            var quotient = new int[blockCount * k];
            var quotientAccepts = new bool[blockCount];
            var done = new bool[blockCount];
            for (var q = 0; q < stateCount; q++)
            {
                var b = blockOf[q];
                if (done[b])
                {
                    continue;
                }

                done[b] = true;
                quotientAccepts[b] = acceptsAtEnd[q];
                for (var c = 0; c < k; c++)
                {
                    quotient[(b * k) + c] = blockOf[transitions[(q * k) + c]];
                }
            }

            // Merge classes whose columns are identical, numbering the merged classes by smallest byte.
            var classMap = new int[k];
            var columnRepresentatives = new List<int>();
            var byHash = new Dictionary<int, List<int>>();
            for (var c = 0; c < k; c++)
            {
                var hash = ColumnHash(quotient, blockCount, k, c);
                if (!byHash.TryGetValue(hash, out var candidates))
                {
                    candidates = new List<int>();
                    byHash.Add(hash, candidates);
                }

                var id = -1;
                foreach (var candidate in candidates)
                {
                    if (SameColumn(quotient, blockCount, k, columnRepresentatives[candidate], c))
                    {
                        id = candidate;
                        break;
                    }
                }

                if (id < 0)
                {
                    id = columnRepresentatives.Count;
                    columnRepresentatives.Add(c);
                    candidates.Add(id);
                }

                classMap[c] = id;
            }

            var newK = columnRepresentatives.Count;
            var renumber = new int[newK];
            for (var i = 0; i < newK; i++)
            {
                renumber[i] = -1;
            }

            var newByteClasses = new byte[256];
            var representative = new int[newK];
            var nextClass = 0;
            for (var x = 0; x < 256; x++)
            {
                var merged = classMap[byteClasses[x]];
                if (renumber[merged] < 0)
                {
                    renumber[merged] = nextClass;
                    representative[nextClass] = byteClasses[x];
                    nextClass++;
                }

                newByteClasses[x] = (byte)renumber[merged];
            }

            // Breadth-first numbering from the start.
            var order = new int[blockCount];
            var number = new int[blockCount];
            for (var b = 0; b < blockCount; b++)
            {
                number[b] = -1;
            }

            var head = 0;
            var tail = 0;
            var startBlock = blockOf[start];
            number[startBlock] = tail;
            order[tail++] = startBlock;
            while (head < tail)
            {
                var b = order[head++];
                for (var c = 0; c < newK; c++)
                {
                    var t = quotient[(b * k) + representative[c]];
                    if (number[t] < 0)
                    {
                        number[t] = tail;
                        order[tail++] = t;
                    }
                }
            }

            var n = tail;
            var table = new int[n * newK];
            var accepts = new bool[n];
            var matchState = -1;
            var deadState = -1;
            for (var s = 0; s < n; s++)
            {
                var b = order[s];
                accepts[s] = quotientAccepts[b];
                var absorbing = true;
                for (var c = 0; c < newK; c++)
                {
                    var t = number[quotient[(b * k) + representative[c]]];
                    table[(s * newK) + c] = t;
                    absorbing &= t == s;
                }

                if (absorbing)
                {
                    if (accepts[s])
                    {
                        matchState = s;
                    }
                    else
                    {
                        deadState = s;
                    }
                }
            }

            return new Dfa(n, 0, matchState, deadState, newByteClasses, newK, table, accepts);
        }

        private static int ColumnHash(int[] table, int rows, int k, int c)
        {
            unchecked
            {
                var h = 17;
                for (var r = 0; r < rows; r++)
                {
                    h = (h * 31) + table[(r * k) + c];
                }

                return h;
            }
        }

        private static bool SameColumn(int[] table, int rows, int k, int a, int b)
        {
            for (var r = 0; r < rows; r++)
            {
                if (table[(r * k) + a] != table[(r * k) + b])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Hopcroft's algorithm; returns state -> block.</summary>
        private static int[] Refine(int k, int n, int[] transitions, bool[] acceptsAtEnd, out int blockCount)
        {
            // Inverse transitions, per class, in compressed rows: predecessors of q on c are
            // inverse[inverseStart[c*n+q] .. inverseStart[c*n+q+1]).
            var inverseStart = new int[(k * n) + 1];
            for (var q = 0; q < n; q++)
            {
                for (var c = 0; c < k; c++)
                {
                    inverseStart[(c * n) + transitions[(q * k) + c] + 1]++;
                }
            }

            for (var i = 1; i < inverseStart.Length; i++)
            {
                inverseStart[i] += inverseStart[i - 1];
            }

            var inverse = new int[n * k];
            var fill = new int[k * n];
            Array.Copy(inverseStart, fill, k * n);
            for (var q = 0; q < n; q++)
            {
                for (var c = 0; c < k; c++)
                {
                    var slot = (c * n) + transitions[(q * k) + c];
                    inverse[fill[slot]++] = q;
                }
            }

            // Blocks are contiguous ranges of 'elements'; location[q] is q's index there.
            var elements = new int[n];
            var location = new int[n];
            var blockOf = new int[n];
            var blockStart = new int[n + 1];
            var blockEnd = new int[n + 1];
            var markedCount = new int[n + 1];
            var acceptingCount = 0;
            for (var q = 0; q < n; q++)
            {
                if (acceptsAtEnd[q])
                {
                    acceptingCount++;
                }
            }

            int front = 0, back = acceptingCount;
            for (var q = 0; q < n; q++)
            {
                var i = acceptsAtEnd[q] ? front++ : back++;
                elements[i] = q;
                location[q] = i;
            }

            blockCount = 0;
            var pending = new Stack<long>();
            if (acceptingCount > 0)
            {
                blockStart[blockCount] = 0;
                blockEnd[blockCount] = acceptingCount;
                blockCount++;
            }

            if (acceptingCount < n)
            {
                blockStart[blockCount] = acceptingCount;
                blockEnd[blockCount] = n;
                blockCount++;
            }

            for (var b = 0; b < blockCount; b++)
            {
                for (var i = blockStart[b]; i < blockEnd[b]; i++)
                {
                    blockOf[elements[i]] = b;
                }
            }

            if (blockCount == 2)
            {
                var smaller = acceptingCount <= n - acceptingCount ? 0 : 1;
                for (var c = 0; c < k; c++)
                {
                    pending.Push(((long)smaller * k) + c);
                }
            }

            var splitter = new int[n];
            var touched = new List<int>();
            while (pending.Count > 0)
            {
                var item = pending.Pop();
                var block = (int)(item / k);
                var cls = (int)(item % k);
                var size = 0;
                for (var i = blockStart[block]; i < blockEnd[block]; i++)
                {
                    splitter[size++] = elements[i];
                }

                touched.Clear();
                for (var j = 0; j < size; j++)
                {
                    var q = splitter[j];
                    var slot = (cls * n) + q;
                    for (var i = inverseStart[slot]; i < inverseStart[slot + 1]; i++)
                    {
                        var p = inverse[i];
                        var b = blockOf[p];
                        var markedEnd = blockStart[b] + markedCount[b];
                        if (location[p] < markedEnd)
                        {
                            continue;
                        }

                        // Move p to the marked front of its block.
                        var other = elements[markedEnd];
                        var at = location[p];
                        elements[markedEnd] = p;
                        location[p] = markedEnd;
                        elements[at] = other;
                        location[other] = at;
                        if (markedCount[b]++ == 0)
                        {
                            touched.Add(b);
                        }
                    }
                }

                foreach (var b in touched)
                {
                    var marked = markedCount[b];
                    markedCount[b] = 0;
                    var total = blockEnd[b] - blockStart[b];
                    if (marked == total)
                    {
                        continue;
                    }

                    // Split: the smaller part becomes the new block, and it is what needs processing.
                    var nb = blockCount++;
                    if (marked <= total - marked)
                    {
                        blockStart[nb] = blockStart[b];
                        blockEnd[nb] = blockStart[b] + marked;
                        blockStart[b] += marked;
                    }
                    else
                    {
                        blockStart[nb] = blockStart[b] + marked;
                        blockEnd[nb] = blockEnd[b];
                        blockEnd[b] = blockStart[nb];
                    }

                    for (var i = blockStart[nb]; i < blockEnd[nb]; i++)
                    {
                        blockOf[elements[i]] = nb;
                    }

                    for (var c = 0; c < k; c++)
                    {
                        pending.Push(((long)nb * k) + c);
                    }
                }
            }

            return blockOf;
        }
    }
}
