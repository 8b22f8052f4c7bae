using CorsGen.Pcre;

namespace CorsGen.Policy
{
    /// <summary>
    /// One regex entry of <c>Origins</c> as Kong reads it: validated as configured (S1: PCRE2 must compile
    /// it), then adjusted (O6: <c>$</c> appended unless present, one leading <c>^</c> dropped) and parsed
    /// again, since the adjusted text is what Kong's PCRE2 runs.
    /// </summary>
    internal sealed partial class OriginRegex
    {
        private OriginRegex(string entry, string adjusted, PcreParseResult configured, PcreParseResult runtime)
        {
            Entry = entry;
            Adjusted = adjusted;
            Configured = configured;
            Runtime = runtime;
        }

        /// <summary>The entry as configured.</summary>
        public string Entry { get; }

        /// <summary>The entry as Kong's handler hands it to PCRE2 (O6).</summary>
        public string Adjusted { get; }

        /// <summary>O7: no <c>:</c> anywhere, so it is matched against the request's host only.</summary>
        public bool HostOnly => OriginEntry.IsHostOnlyRegex(Adjusted);

        /// <summary>The configured entry parsed (Kong's schema check).</summary>
        public PcreParseResult Configured { get; }

        /// <summary>The adjusted entry parsed: the tree the automaton is built from.</summary>
        public PcreParseResult Runtime { get; }

        /// <summary>The adjusted pattern's tree, when it can be compiled exactly.</summary>
        public RegexNode? Tree => Configured.IsValid && Runtime.IsSupported ? Runtime.Root : null;

        public static OriginRegex Parse(string entry)
        {
            var adjusted = OriginEntry.AdjustRegex(entry);
            var configured = PcreParser.Parse(entry);
            var runtime = adjusted == entry ? configured : PcreParser.Parse(adjusted);
            return new OriginRegex(entry, adjusted, configured, runtime);
        }

        /// <summary>The entry without Kong's anchors: what an alternation of the entry is, as Kong runs it (O6).</summary>
        public string Body
        {
            get
            {
                var (start, end) = OriginEntry.RegexBody(Entry);
                return Entry.Substring(start, end - start);
            }
        }

        /// <summary>Maps a char offset of <see cref="Adjusted"/> back to <see cref="Entry"/> (which may have one more leading '^').</summary>
        public int EntryOffset(int adjustedOffset) =>
            System.Math.Min(Entry.Length, adjustedOffset + OriginEntry.RegexBody(Entry).Start);

        /// <summary>The chars of <see cref="Entry"/> that a node of the adjusted pattern's tree was parsed from (at least one).</summary>
        public (int Start, int Length) EntrySpan(RegexNode node)
        {
            var start = EntryOffset(Runtime.ToCharOffset(node.Offset));
            var end = EntryOffset(Runtime.ToCharOffset(node.Offset + node.Length));
            return (start, System.Math.Max(1, end - start));
        }
    }
}
