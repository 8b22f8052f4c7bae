using System;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// The optional helpers of the shared runtime file. A policy's generated code calls these only for some
    /// configurations, so the runtime holds one only when some policy of the assembly needs it.
    /// </summary>
    [Flags]
    internal enum RuntimeHelpers
    {
        None = 0,

        /// <summary>O8: <c>Normalize</c> and <c>AllowOriginFor</c>, for policies that match a list of entries.</summary>
        OriginNormalization = 1,

        /// <summary><c>FindLiteral</c>, the binary search of long literal lists.</summary>
        LiteralSearch = 2,

        /// <summary><c>Latin1</c>, the up-front 8-bit test of class-switch automata.</summary>
        Latin1Alphabet = 4,

        /// <summary><c>MatchesNfa</c>, the matcher of regex entries past the DFA state cap.</summary>
        NfaSimulation = 8,

        /// <summary>D4: <c>IsHeaderNameList</c>, for preflight answers that reflect Access-Control-Request-Headers (P2).</summary>
        HeaderNameList = 16,

        /// <summary><c>MatchedPrefix</c>, how far a regex entry's DFA tables match a refused origin (Evaluate's closest entry).</summary>
        MatchProgress = 32,

        /// <summary><c>ReadConfiguredOrigins</c>, the startup check of policies whose origins come from configuration.</summary>
        ConfiguredOrigins = 64,
    }

    /// <summary>Which <see cref="RuntimeHelpers"/> a policy's generated code calls: the same decisions its emitters make.</summary>
    internal static class RuntimeHelperPlan
    {
        public static RuntimeHelpers For(CompiledPolicy policy)
        {
            var origins = policy.Origins;
            var helpers = RuntimeHelpers.None;
            if (origins.Mode == OriginMode.List && !origins.HasWildcard)
            {
                helpers |= RuntimeHelpers.OriginNormalization;
            }

            if (RequestPathEmitter.SearchesLiterals(origins))
            {
                helpers |= RuntimeHelpers.LiteralSearch;
            }

            helpers |= For(origins.HostRegexes) | For(origins.OriginRegexes);
            foreach (var test in origins.EntryTests)
            {
                helpers |= For(test.OwnMatcher);
                if (EvaluateEmitter.ProgressDfa(origins, test) is not null)
                {
                    helpers |= RuntimeHelpers.MatchProgress;
                }
            }

            if (RequestPathEmitter.IsConfigured(policy))
            {
                helpers |= RuntimeHelpers.ConfiguredOrigins;
            }

            if (!policy.PreflightContinue && policy.AllowHeaders is null)
            {
                helpers |= RuntimeHelpers.HeaderNameList;
            }

            return helpers;
        }

        private static RuntimeHelpers For(RegexMatcher? matcher) => matcher switch
        {
            null => RuntimeHelpers.None,
            { Dfa: null } => RuntimeHelpers.NfaSimulation,
            { Dfa: { } dfa } => MatcherLayout.FormOf(dfa) == MatcherForm.ClassSwitch && dfa.MatchState < 0
                ? RuntimeHelpers.Latin1Alphabet
                : RuntimeHelpers.None,
        };
    }
}
