using System;
using System.Globalization;

namespace CorsGen.Policy
{
    /// <summary>What a compiled policy answers to one origin, and why, decided at build time.</summary>
    /// <param name="Allowed">Whether the policy sends an Access-Control-Allow-Origin that is <c>*</c> or the origin itself.</param>
    /// <param name="Why">Why, as the end of a diagnostic message: "entry 1, '...', matches it (O9)".</param>
    internal readonly record struct OriginVerdict(bool Allowed, string Why);

    /// <summary>
    /// Judges an origin against a compiled policy's <see cref="OriginRules"/> as the generated request path does (D4, O1-O10,
    /// C3), for the analyzer's <c>[KongCorsExample]</c> check (CORS047): the same rules, the same automata, and the first
    /// matching entry as the generated <c>Evaluate</c> finds it.
    /// </summary>
    internal static class OriginJudge
    {
        private const int MaxOriginLength = 4096;

        public static OriginVerdict Judge(OriginRules rules, string origin)
        {
            var valid = IsValid(origin);
            switch (rules.Mode)
            {
                case OriginMode.AllowAll:
                    return new OriginVerdict(true, "the policy allows every origin (O1)");

                case OriginMode.SingleLiteral:
                    return rules.SingleLiteral == origin
                        ? new OriginVerdict(true, "it is the policy's single origin (O3)")
                        : new OriginVerdict(false, $"the policy sends its single origin '{rules.SingleLiteral}' whatever the request's (O3)");
            }

            if (!valid)
            {
                return new OriginVerdict(false, $"it is not visible ASCII of at most {MaxOriginLength} characters, so it is treated as absent (D4)");
            }

            if (rules.HasWildcard)
            {
                return new OriginVerdict(true, $"entry {rules.Entries.AsImmutableArray().IndexOf("*")} is '*' (O5)");
            }

            var normalized = KongOrigin.Normalize(origin);
            for (var i = 0; i < rules.EntryTests.Count; i++)
            {
                if (!Matches(rules, rules.EntryTests[i], normalized))
                {
                    continue;
                }

                var entry = string.Format(CultureInfo.InvariantCulture, "entry {0}, '{1}',", i, rules.Entries[i]);
                return normalized.Domain.Length == origin.Length
                    ? new OriginVerdict(true, entry + " matches it (O9)")
                    : new OriginVerdict(false, $"{entry} matches it, but the policy sends back its normal form '{normalized.Domain}' (O8)");
            }

            return new OriginVerdict(false, string.Format(CultureInfo.InvariantCulture, "it matches none of the policy's {0} entries (O10)", rules.Entries.Count));
        }

        private static bool Matches(OriginRules rules, EntryTest test, KongOrigin origin)
        {
            if (test.Literal is { } literal)
            {
                return literal == origin.Domain;
            }

            var matcher = test.OwnMatcher ?? (test.HostOnly ? rules.HostRegexes : rules.OriginRegexes);
            var subject = test.HostOnly ? origin.Host : origin.Domain;
            return matcher?.Dfa is { } dfa ? dfa.IsMatch(subject.AsSpan()) : matcher?.Nfa is { } nfa && nfa.IsMatch(subject.AsSpan());
        }

        /// <summary>D4: visible ASCII, 1 to 4096 characters.</summary>
        private static bool IsValid(string origin)
        {
            if (origin.Length == 0 || origin.Length > MaxOriginLength)
            {
                return false;
            }

            foreach (var c in origin)
            {
                if (c < '!' || c > '~')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
