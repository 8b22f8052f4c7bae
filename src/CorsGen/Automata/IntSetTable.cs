using System;

namespace CorsGen.Automata
{
    /// <summary>
    /// Interns sorted sets of ints (NFA successor sets, subset-construction states): each distinct set
    /// gets a dense id, in order of first appearance. Sets are stored back to back in one array and
    /// found through an open-addressing hash table, so a lookup allocates nothing.
    /// </summary>
    internal sealed class IntSetTable
    {
        private int[] _items = new int[64];
        private int _itemCount;
        private int[] _starts = new int[17];
        private int[] _hashes = new int[16];
        private int _count;
        private int[] _buckets = new int[32]; // id + 1, 0 = empty

        public int Count => _count;

        /// <summary>The total size of all sets: what the table holds in memory.</summary>
        public long TotalItems => _itemCount;

        public ReadOnlySpan<int> this[int id] => new ReadOnlySpan<int>(_items, _starts[id], _starts[id + 1] - _starts[id]);

        public int SizeOf(int id) => _starts[id + 1] - _starts[id];

        /// <summary>Returns the id of <paramref name="set"/> (which must be sorted, without duplicates), adding it if new.</summary>
        public int Intern(ReadOnlySpan<int> set, out bool added)
        {
            var hash = Hash(set);
            var mask = _buckets.Length - 1;
            var slot = hash & mask;
            while (true)
            {
                var entry = _buckets[slot];
                if (entry == 0)
                {
                    break;
                }

                var id = entry - 1;
                if (_hashes[id] == hash && this[id].SequenceEqual(set))
                {
                    added = false;
                    return id;
                }

                slot = (slot + 1) & mask;
            }

            var newId = _count;
            EnsureCapacity(set.Length);
            set.CopyTo(new Span<int>(_items, _itemCount, set.Length));
            _itemCount += set.Length;
            _hashes[newId] = hash;
            _count++;
            _starts[_count] = _itemCount;
            _buckets[slot] = newId + 1;
            if (_count * 2 > _buckets.Length)
            {
                Rehash();
            }

            added = true;
            return newId;
        }

        public int[] ToArray(int id) => this[id].ToArray();

        /// <summary>All sets as (starts, items) arrays: set i is items[starts[i]..starts[i+1]).</summary>
        public void Export(out int[] starts, out int[] items)
        {
            starts = new int[_count + 1];
            Array.Copy(_starts, starts, _count + 1);
            items = new int[_itemCount];
            Array.Copy(_items, items, _itemCount);
        }

        private static int Hash(ReadOnlySpan<int> set)
        {
            unchecked
            {
                var h = (uint)set.Length * 0x9E3779B1u;
                foreach (var x in set)
                {
                    h = (h ^ (uint)x) * 0x85EBCA77u;
                    h = (h << 13) | (h >> 19);
                }

                h ^= h >> 16;
                h *= 0x7FEB352Du;
                h ^= h >> 15;
                return (int)(h & 0x7FFFFFFF);
            }
        }

        private void EnsureCapacity(int setLength)
        {
            if (_itemCount + setLength > _items.Length)
            {
                Array.Resize(ref _items, Math.Max(_items.Length * 2, _itemCount + setLength));
            }

            if (_count + 1 >= _hashes.Length)
            {
                Array.Resize(ref _hashes, _hashes.Length * 2);
                Array.Resize(ref _starts, _hashes.Length + 1);
            }
        }

        private void Rehash()
        {
            var buckets = new int[_buckets.Length * 2];
            var mask = buckets.Length - 1;
            for (var id = 0; id < _count; id++)
            {
                var slot = _hashes[id] & mask;
                while (buckets[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                buckets[slot] = id + 1;
            }

            _buckets = buckets;
        }
    }
}
