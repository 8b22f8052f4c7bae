using System;
using System.Collections.Generic;
using System.Globalization;

namespace CorsGen
{
    /// <summary>
    /// What a CorsGen policy answers to one request, as the generated <c>Evaluate</c> method of every policy class
    /// computes it without an <c>HttpContext</c>: whether it is a preflight, whether the origin is allowed, which entry
    /// matched, the rule that decided, and the exact CORS response headers, in the order the policy sets them.
    /// </summary>
    /// <example>
    /// <code>
    /// var decision = ShopCors.Evaluate("GET", "https://evilexample.com");
    /// Assert.False(decision.OriginAllowed, decision.ToString());
    /// </code>
    /// </example>
    public sealed class KongCorsDecision
    {
        /// <summary>Made by the generated <c>Evaluate</c> of a policy; public so tests can build expected values.</summary>
        /// <param name="policyName">The policy class's full name.</param>
        /// <param name="isPreflight">Whether the request is a preflight (R1).</param>
        /// <param name="origin">The request's Origin header as sent, or null.</param>
        /// <param name="matchedEntry">The index of the first origin entry that matched, or -1.</param>
        /// <param name="matchedEntryText">That entry as configured, or null.</param>
        /// <param name="entryCount">How many origin entries the policy has.</param>
        /// <param name="reason">The rule that decided.</param>
        /// <param name="headers">The CORS response headers the policy sets, in order.</param>
        public KongCorsDecision(
            string policyName, bool isPreflight, string? origin, int matchedEntry, string? matchedEntryText, int entryCount, KongCorsReason reason,
            IReadOnlyList<KeyValuePair<string, string>> headers)
            : this(policyName, isPreflight, origin, matchedEntry, matchedEntryText, entryCount, reason, headers, -1, null, null, -1)
        {
        }

        /// <summary>Made by the generated <c>Evaluate</c> of a policy, with the closest entry of a refused origin.</summary>
        /// <param name="policyName">The policy class's full name.</param>
        /// <param name="isPreflight">Whether the request is a preflight (R1).</param>
        /// <param name="origin">The request's Origin header as sent, or null.</param>
        /// <param name="matchedEntry">The index of the first origin entry that matched, or -1.</param>
        /// <param name="matchedEntryText">That entry as configured, or null.</param>
        /// <param name="entryCount">How many origin entries the policy has.</param>
        /// <param name="reason">The rule that decided.</param>
        /// <param name="headers">The CORS response headers the policy sets, in order.</param>
        /// <param name="closestEntry">For a refused origin, the entry that matched the longest part of it, or -1.</param>
        /// <param name="closestEntryText">That entry as configured, or null.</param>
        /// <param name="closestSubject">What that entry is matched against: the normalized origin, or its host (O7).</param>
        /// <param name="closestStop">How many characters of <paramref name="closestSubject"/> that entry matched before it could not go on.</param>
        public KongCorsDecision(
            string policyName, bool isPreflight, string? origin, int matchedEntry, string? matchedEntryText, int entryCount, KongCorsReason reason,
            IReadOnlyList<KeyValuePair<string, string>> headers, int closestEntry, string? closestEntryText, string? closestSubject, int closestStop)
        {
            PolicyName = policyName ?? throw new ArgumentNullException(nameof(policyName));
            IsPreflight = isPreflight;
            Origin = origin;
            MatchedEntry = matchedEntry;
            MatchedEntryText = matchedEntryText;
            EntryCount = entryCount;
            Reason = reason;
            Headers = headers ?? throw new ArgumentNullException(nameof(headers));
            ClosestEntry = closestEntry;
            ClosestEntryText = closestEntryText;
            ClosestSubject = closestSubject;
            ClosestStop = closestStop;
        }

        /// <summary>The policy class's full name.</summary>
        public string PolicyName { get; }

        /// <summary>Whether the request is a preflight: OPTIONS, a non-empty Origin and an Access-Control-Request-Method (R1).</summary>
        public bool IsPreflight { get; }

        /// <summary>The request's Origin header as sent, or null when it had none.</summary>
        public string? Origin { get; }

        /// <summary>
        /// Whether a browser reading the response would find its origin allowed: the policy sends an
        /// Access-Control-Allow-Origin that is <c>*</c> or exactly the request's Origin.
        /// </summary>
        public bool OriginAllowed =>
            AllowOrigin is { } allowed && (allowed == "*" || string.Equals(allowed, Origin, StringComparison.Ordinal));

        /// <summary>The Access-Control-Allow-Origin the policy sends, or null when it sends none.</summary>
        public string? AllowOrigin => Header("Access-Control-Allow-Origin");

        /// <summary>
        /// The index in the policy's <c>Origins</c> of the first entry that matched the request's origin (entries are tried
        /// in order, O10): the <c>*</c> entry for <see cref="KongCorsReason.WildcardEntry"/>, the single entry for
        /// <see cref="KongCorsReason.SingleLiteral"/> when it equals the Origin; -1 when none.
        /// </summary>
        public int MatchedEntry { get; }

        /// <summary>The entry at <see cref="MatchedEntry"/> as configured, or null.</summary>
        public string? MatchedEntryText { get; }

        /// <summary>How many entries the policy's <c>Origins</c> has.</summary>
        public int EntryCount { get; }

        /// <summary>The rule that decided.</summary>
        public KongCorsReason Reason { get; }

        /// <summary>
        /// For <see cref="KongCorsReason.OriginNotListed"/>: the entry that matched the longest part of the origin (for a
        /// regex entry, as far as its automaton could read; the first of equals), or -1 when none matched any of it.
        /// </summary>
        public int ClosestEntry { get; }

        /// <summary>The entry at <see cref="ClosestEntry"/> as configured, or null.</summary>
        public string? ClosestEntryText { get; }

        /// <summary>What <see cref="ClosestEntry"/> was matched against: the normalized origin, or its host for a host-only regex (O7).</summary>
        public string? ClosestSubject { get; }

        /// <summary>
        /// How many characters of <see cref="ClosestSubject"/> the closest entry matched before no match was possible: the
        /// position where it stopped matching; its length when the entry needed more characters.
        /// </summary>
        public int ClosestStop { get; }

        /// <summary>
        /// The CORS response headers the policy sets, in the order it sets them: for a preflight the whole answer, for any
        /// other request what it adds to the response (<c>Vary</c> as the policy contributes it; an endpoint's own Vary
        /// values are kept before it).
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The value of a header of <see cref="Headers"/> (names compared ignoring case), or null.</summary>
        public string? Header(string name)
        {
            foreach (var header in Headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }

        /// <summary>The decision in one English sentence, for test failures and logs.</summary>
        public override string ToString()
        {
            var policy = PolicyName;
            var request = IsPreflight ? "preflight" : "request";
            switch (Reason)
            {
                case KongCorsReason.AllowAll:
                    return $"{policy} allows every origin, so the {request} gets Access-Control-Allow-Origin: * (O1).";
                case KongCorsReason.AllowAllReflected:
                    return $"{policy} allows every origin with credentials, so it sends the {request}'s own origin {Quote(Origin)} back (C3).";
                case KongCorsReason.WildcardEntry:
                    return $"{policy} answers * to every request with an Origin, because entry {MatchedEntry} of its origins is '*' (O5).";
                case KongCorsReason.SingleLiteral:
                    return MatchedEntry == 0
                        ? $"{policy} has the single origin {Quote(MatchedEntryText)}, which the {request}'s origin is (O3)."
                        : $"{policy} has the single origin {Quote(AllowOrigin)} and sends it whatever the {request}'s origin, {DescribeOrigin()}, so a browser refuses any other (O3).";
                case KongCorsReason.EntryMatched:
                    return $"{policy} allows origin {Quote(Origin)}: it matches entry {MatchedEntry}, {Quote(MatchedEntryText)} (O9).";
                case KongCorsReason.NoOrigin:
                    return $"{policy} tries no entry: the {request} has no Origin header (O10).";
                case KongCorsReason.OriginNotListed:
                    return $"{policy} refuses origin {Quote(Origin)}: it matches none of its {EntryCount} origin entries{Closest()} (O10).";
                case KongCorsReason.OriginInvalid:
                    return $"{policy} treats the Origin header as absent: {DescribeOrigin()} is not visible ASCII of at most {KongCorsRules.MaxReflectedLength} characters (D4).";
                case KongCorsReason.PreflightContinued:
                    return $"{policy} lets the preflight continue to the application, which answers it without CORS headers (P7).";
                default:
                    return $"{policy}: {Reason}.";
            }
        }

        /// <summary>Where the closest entry stopped, for a refused origin: "; the closest, entry 1 (...), stops at ...".</summary>
        private string Closest()
        {
            if (ClosestEntry < 0 || ClosestSubject is null || ClosestStop <= 0)
            {
                return "";
            }

            var where = ClosestStop >= ClosestSubject.Length
                ? $"matches all of {Quote(ClosestSubject)} but needs more"
                : string.Format(CultureInfo.InvariantCulture, "stops matching {0} at character {1} ({2})", Quote(ClosestSubject), ClosestStop + 1, Quote(ClosestSubject.Substring(ClosestStop, 1)));
            return string.Format(CultureInfo.InvariantCulture, "; the closest, entry {0}, {1}, {2}", ClosestEntry, Quote(ClosestEntryText), where);
        }

        /// <summary>The Origin for a sentence: quoted when D4 lets it be reflected, else only its length.</summary>
        private string DescribeOrigin() =>
            Origin is null ? "none" : IsQuotable(Origin) ? Quote(Origin) : string.Format(CultureInfo.InvariantCulture, "an Origin of {0} characters", Origin.Length);

        private static string Quote(string? value) => value is null ? "(none)" : IsQuotable(value) ? "'" + value + "'" : "(not quotable)";

        /// <summary>D4: what may be reflected may be quoted.</summary>
        private static bool IsQuotable(string value) => KongCorsRules.ValidOrigin(value) is not null;
    }
}
