using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// A valid policy reduced to what the emitted code needs: how origins are resolved and the
    /// header values, computed once at build time. Value-equatable, so an edit that does not change
    /// the policy's behaviour does not re-emit it.
    /// </summary>
    /// <param name="AllowMethods">Access-Control-Allow-Methods (P3); null when the joined value is empty (nothing is sent).</param>
    /// <param name="AllowHeaders">Access-Control-Allow-Headers (P2); null: reflect the request's Access-Control-Request-Headers.</param>
    /// <param name="ExposeHeaders">Access-Control-Expose-Headers (A1); null: not sent.</param>
    /// <param name="MaxAge">Access-Control-Max-Age (P4); null: not sent.</param>
    internal sealed record CompiledPolicy(
        PolicyTarget Target,
        OriginRules Origins,
        bool Credentials,
        string? AllowMethods,
        string? AllowHeaders,
        string? ExposeHeaders,
        string? MaxAge,
        bool PreflightContinue,
        bool PrivateNetwork,
        bool AllowOriginAbsent);

    /// <summary>How a policy decides Access-Control-Allow-Origin.</summary>
    internal enum OriginMode
    {
        /// <summary>O1: Origins unset, empty or exactly <c>["*"]</c>: <c>*</c>, no Vary.</summary>
        AllowAll,

        /// <summary>O3: one literal-looking entry, sent verbatim whatever the request's Origin.</summary>
        SingleLiteral,

        /// <summary>O4-O10: entries tried in order against the request's normalized origin.</summary>
        List,
    }

    /// <summary>The origin half of a compiled policy.</summary>
    /// <param name="Entries">The entries as configured, for comments in the generated code.</param>
    /// <param name="SingleLiteral">The echoed entry in <see cref="OriginMode.SingleLiteral"/> mode.</param>
    /// <param name="Literals">
    /// List mode without <c>*</c>: the normalized form (O8) of each literal entry,
    /// distinct, in order. Any match yields the same ACAO (the normalized request origin), so only
    /// membership matters.
    /// </param>
    /// <param name="HasWildcard">List mode: a <c>*</c> entry (O5), which answers every request with an Origin; the other entries are then not compiled.</param>
    /// <param name="HostRegexes">List mode: the regex entries with no <c>:</c> (O7), one automaton matched against the host.</param>
    /// <param name="OriginRegexes">List mode: the other regex entries, one automaton matched against <c>scheme://host[:port]</c>.</param>
    /// <param name="EntryTests">
    /// List mode without <c>*</c>: each entry on its own, in order, so <c>Evaluate</c> can say which entry matched first (the
    /// request path needs only whether one did).
    /// </param>
    /// <param name="ConfigurationKey">
    /// <c>OriginsFromConfiguration</c>: the list goes on with the entries read from this key when the application starts
    /// (the mode is then <see cref="OriginMode.List"/>, of the attribute's entries, and the combined list's O1 or O3 is
    /// decided at run time); null when every entry is fixed at build time.
    /// </param>
    internal sealed record OriginRules(
        OriginMode Mode,
        EquatableArray<string> Entries,
        string? SingleLiteral,
        EquatableArray<string> Literals,
        bool HasWildcard,
        RegexMatcher? HostRegexes,
        RegexMatcher? OriginRegexes,
        EquatableArray<EntryTest> EntryTests = default,
        string? ConfigurationKey = null);

    /// <summary>One origin entry on its own (List mode), for <c>Evaluate</c>'s matched entry.</summary>
    /// <param name="Literal">A literal entry's normal form (O8); null for a regex entry.</param>
    /// <param name="HostOnly">A regex entry matched against the host alone (O7).</param>
    /// <param name="OwnMatcher">
    /// A regex entry's own automaton, when its kind's automaton holds other entries too; null when that automaton is this
    /// entry's alone (it is then the test).
    /// </param>
    internal sealed record EntryTest(string? Literal, bool HostOnly, RegexMatcher? OwnMatcher);

    /// <summary>
    /// Several regex entries compiled into one automaton: a subject matches when any entry matches it, in
    /// one pass (which entry does not matter: every match sends the same normalized origin back, O9).
    /// </summary>
    /// <param name="Patterns">The entries as Kong adjusts them (O6), for comments in the generated code.</param>
    /// <param name="Dfa">The minimized DFA; null when it would exceed the state cap (CORS011).</param>
    /// <param name="Nfa">The fallback when <paramref name="Dfa"/> is null: the NFA, simulated in linear time.</param>
    /// <param name="RequiredSuffix">Literal text every match ends with (see <see cref="RegexSuffix"/>), checked first; empty when none.</param>
    /// <param name="SuffixBeforeFinalNewline">A final newline may follow <paramref name="RequiredSuffix"/> (PCRE2's <c>$</c>).</param>
    internal sealed record RegexMatcher(
        EquatableArray<string> Patterns,
        Automata.Dfa? Dfa,
        Automata.NfaTables? Nfa,
        string RequiredSuffix,
        bool SuffixBeforeFinalNewline);
}
