namespace CorsGen.Policy
{
    /// <summary>How Kong reads one entry of <c>origins</c> (rules O1, O4, O5).</summary>
    internal enum OriginEntryKind
    {
        /// <summary><c>*</c>: every origin (O1 alone, O5 in a list).</summary>
        Wildcard,

        /// <summary>Only <c>A-Z a-z 0-9 . : / -</c>: compared with the request origin after normalization (O8, O9).</summary>
        Literal,

        /// <summary>Any other character: a PCRE regex, anchored as Kong anchors it (O6, O7).</summary>
        Regex,
    }

    /// <summary>Kong's classification of origin entries, from <c>handler.lua</c>'s <c>configure_origin</c>.</summary>
    internal static class OriginEntry
    {
        public static OriginEntryKind Classify(string entry)
        {
            if (entry == "*")
            {
                return OriginEntryKind.Wildcard;
            }

            return IsLiteralText(entry) ? OriginEntryKind.Literal : OriginEntryKind.Regex;
        }

        /// <summary>
        /// True when every character is one of <c>A-Z a-z 0-9 . : / -</c> and there is at least one
        /// (Kong: <c>^[A-Za-z0-9.:/-]+$</c> for the single-entry echo, <c>[^A-Za-z0-9.:/-]</c> for the regex test).
        /// </summary>
        public static bool IsLiteralText(string entry)
        {
            if (entry.Length == 0)
            {
                return false;
            }

            foreach (var c in entry)
            {
                if (!IsLiteralChar(c))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool IsLiteralChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '/' || c == '-';

        /// <summary>
        /// Kong's run-time adjustment of a regex entry (O6): append <c>$</c> unless the entry already
        /// ends with <c>$</c>, then drop one leading <c>^</c>. Done on the text, before PCRE2 sees it: the
        /// result is the entry's <see cref="RegexBody"/> followed by <c>$</c>.
        /// </summary>
        public static string AdjustRegex(string entry)
        {
            var (start, end) = RegexBody(entry);
            return entry.Substring(start, end - start) + "$";
        }

        /// <summary>
        /// O6, the one place that knows Kong's anchors: the chars of a regex entry between one leading <c>^</c> (which
        /// Kong drops) and one final <c>$</c> (which Kong keeps, or appends when it is missing). Kong looks at the
        /// text alone, so a final <c>\$</c> counts as a <c>$</c> too.
        /// </summary>
        public static (int Start, int End) RegexBody(string entry)
        {
            var start = entry.StartsWith("^", System.StringComparison.Ordinal) ? 1 : 0;
            var end = entry.Length > start && entry.EndsWith("$", System.StringComparison.Ordinal) ? entry.Length - 1 : entry.Length;
            return (start, end);
        }

        /// <summary>
        /// O7: a regex entry with no <c>:</c> anywhere (one inside <c>(?:</c> counts) is matched against
        /// the request's host only; otherwise against the normalized <c>scheme://host[:port]</c>.
        /// </summary>
        public static bool IsHostOnlyRegex(string adjustedEntry) => adjustedEntry.IndexOf(':') < 0;
    }
}
