using System.Collections.Generic;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// Every entry of a policy's <c>Origins</c>, classified (O4) and, for a regex, parsed and adjusted (O6) once,
    /// and shared by validation, compilation and lint, so the three never read an entry differently and no
    /// regex is parsed twice. Built in the step that uses it; not kept in the generator's cached models.
    /// </summary>
    internal sealed class OriginEntries
    {
        private OriginEntries(bool isSet, IReadOnlyList<OriginEntryInfo> items)
        {
            IsSet = isSet;
            Items = items;
        }

        /// <summary><c>Origins</c> was written in the attribute (null when it was not).</summary>
        public bool IsSet { get; }

        /// <summary>The entries in order, one per element, null and empty ones included.</summary>
        public IReadOnlyList<OriginEntryInfo> Items { get; }

        public static OriginEntries Of(EquatableArray<string?>? origins)
        {
            var items = new List<OriginEntryInfo>();
            if (origins is { } list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(OriginEntryInfo.Read(i, list[i]));
                }
            }

            return new OriginEntries(origins is not null, items);
        }
    }

    /// <summary>One entry of <c>Origins</c> as Kong reads it.</summary>
    internal sealed class OriginEntryInfo
    {
        private OriginEntryInfo(int index, string? text, OriginEntryKind? kind, string? normalized, OriginRegex? regex)
        {
            Index = index;
            Text = text;
            Kind = kind;
            Normalized = normalized;
            Regex = regex;
        }

        /// <summary>The element's index in <c>Origins</c>.</summary>
        public int Index { get; }

        /// <summary>The entry as written; null or empty for an invalid element (CORS008).</summary>
        public string? Text { get; }

        /// <summary>How Kong reads the entry (O4), or null for a null or empty element.</summary>
        public OriginEntryKind? Kind { get; }

        /// <summary>A literal's normal form (O8), what it is compared as (O9).</summary>
        public string? Normalized { get; }

        /// <summary>A regex entry, parsed as configured and as Kong adjusts it (O6).</summary>
        public OriginRegex? Regex { get; }

        public static OriginEntryInfo Read(int index, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return new OriginEntryInfo(index, text, null, null, null);
            }

            var kind = OriginEntry.Classify(text!);
            return kind switch
            {
                OriginEntryKind.Literal => new OriginEntryInfo(index, text, kind, KongOrigin.Normalize(text!).Domain, null),
                OriginEntryKind.Regex => new OriginEntryInfo(index, text, kind, null, OriginRegex.Parse(text!)),
                _ => new OriginEntryInfo(index, text, kind, null, null),
            };
        }
    }
}
