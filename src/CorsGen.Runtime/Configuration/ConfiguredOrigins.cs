using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using CorsGen.Policy;
using Microsoft.Extensions.Configuration;

namespace CorsGen.Runtime
{
    /// <summary>
    /// Issue 15, step 2: the origin entries an application reads from its configuration under one key, read and checked
    /// once when it starts, then matched on the request path without allocating for an origin a browser sends. The value
    /// is a JSON array of strings (<c>"Cors:Origins": ["https://a.test", "b.test"]</c>, or <c>Cors__Origins__0</c> in the
    /// environment) or one comma-separated string (Kong's admin API form, <c>a,b</c>; spaces around entries are ignored).
    /// A missing or empty key gives no entry: configuration can never widen a policy by its absence.
    /// </summary>
    internal sealed class ConfiguredOrigins
    {
        private readonly FrozenDictionary<string, int> _literals;
        private readonly RuntimeOriginRegexes _regexes;
        private RuntimeOriginRegexes?[]? _entryRegexes;

        private ConfiguredOrigins(string key, IReadOnlyList<string> entries, int wildcardIndex, FrozenDictionary<string, int> literals, RuntimeOriginRegexes regexes)
        {
            Key = key;
            Entries = entries;
            WildcardIndex = wildcardIndex;
            _literals = literals;
            _regexes = regexes;
        }

        /// <summary>The configuration key the entries were read from.</summary>
        public string Key { get; }

        /// <summary>The entries as configured, in order.</summary>
        public IReadOnlyList<string> Entries { get; }

        /// <summary>The index of the first <c>*</c> entry (O5: it answers every request with an Origin), or -1.</summary>
        public int WildcardIndex { get; }

        /// <summary>
        /// Reads the entries under <paramref name="key"/> and checks them with the analyzer's own rules
        /// (<see cref="OriginEntryChecks"/>), as origins of a policy with or without <paramref name="credentials"/>: each
        /// problem is added to <paramref name="problems"/> by its index under the key; an entry with an error is left out.
        /// </summary>
        public static ConfiguredOrigins Read(IConfiguration configuration, string key, List<RuntimeOriginProblem> problems, bool credentials = false)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("OriginsFromConfiguration must name a configuration key, such as \"Cors:Origins\".", nameof(key));
            }

            var entries = ReadEntries(configuration.GetSection(key));
            var found = OriginEntryChecks.Check(entries, credentials, out var compiled);
            problems.AddRange(found);
            var failed = new HashSet<int>();
            foreach (var problem in found)
            {
                if (!problem.IsWarning)
                {
                    failed.Add(problem.Index);
                }
            }

            var literals = new Dictionary<string, int>(StringComparer.Ordinal);
            var regexEntries = new List<string>(entries.Count);
            var wildcard = -1;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var usable = !failed.Contains(i);
                regexEntries.Add(usable ? entry : "");
                if (!usable)
                {
                    continue;
                }

                switch (OriginEntry.Classify(entry))
                {
                    case OriginEntryKind.Wildcard:
                        wildcard = wildcard < 0 ? i : wildcard;
                        break;
                    case OriginEntryKind.Literal:
                        // O8: compared in normal form; the first entry of a normal form is the one Kong stops at.
                        literals.TryAdd(KongOrigin.Normalize(entry).Domain, i);
                        break;
                }
            }

            // The checks compiled the list as the generator does (one automaton per kind); without an error (or a '*', for
            // which Kong compiles nothing, O5) that is the matcher. Otherwise the usable entries are compiled on their own.
            if (compiled is { HasWildcard: false } && failed.Count == 0)
            {
                return new ConfiguredOrigins(
                    key, entries, wildcard, literals.ToFrozenDictionary(StringComparer.Ordinal), RuntimeOriginRegexes.From(compiled.HostRegexes, compiled.OriginRegexes));
            }

            var compileProblems = new List<RuntimeOriginProblem>();
            var regexes = RuntimeOriginRegexes.Compile(regexEntries, compileProblems);
            foreach (var problem in compileProblems)
            {
                if (!failed.Contains(problem.Index))
                {
                    problems.Add(problem);
                }
            }

            return new ConfiguredOrigins(key, entries, wildcard, literals.ToFrozenDictionary(StringComparer.Ordinal), regexes);
        }

        /// <summary>
        /// Reads the entries of a policy's key as the application starts, and fails it (KongCorsConfigurationException)
        /// with every error at once: the analyzer's errors for the entries (CORS008, CORS001, CORS002, CORS003 for a
        /// <c>*</c> with credentials...), and a combined list with no entry at all, which must never become Kong's
        /// allow-all (O1). The analyzer's warnings for the entries are returned in <paramref name="warnings"/>.
        /// </summary>
        /// <param name="configuration">The application's configuration.</param>
        /// <param name="key">The policy's <c>OriginsFromConfiguration</c>.</param>
        /// <param name="policyName">The policy class's full name, for the message.</param>
        /// <param name="attributeEntries">How many origins the attribute itself lists (they come first, O10).</param>
        /// <param name="credentials">Whether the policy sends credentials (C1).</param>
        /// <param name="warnings">The analyzer's warnings (and infos) for the configured entries.</param>
        public static ConfiguredOrigins ReadOrFail(IConfiguration configuration, string key, string policyName, int attributeEntries, bool credentials, out List<RuntimeOriginProblem> warnings)
        {
            var problems = new List<RuntimeOriginProblem>();
            var origins = Read(configuration, key, problems, credentials);
            warnings = problems.FindAll(static p => p.IsWarning);
            var errors = problems.FindAll(static p => !p.IsWarning);
            if (attributeEntries == 0 && origins.Entries.Count == 0)
            {
                errors.Add(new RuntimeOriginProblem(
                    -1, "", "CORS008", "the key is missing or empty and the attribute lists no origin: a policy with no origin would be Kong's allow-all (O1), which only the attribute can ask for"));
            }

            if (errors.Count > 0)
            {
                errors.Sort(static (a, b) => a.Index.CompareTo(b.Index));
                throw new KongCorsConfigurationException(policyName, key, errors);
            }

            return origins;
        }

        /// <summary>
        /// O6-O9: whether an entry matches a request's origin, given as the request path normalizes it (D4-valid
        /// <paramref name="origin"/>, its normal form <paramref name="domain"/> and its <paramref name="host"/>). A browser's
        /// origin is already in normal form, so the literal lookup uses the string itself and allocates nothing; only an
        /// origin that normalization shortens (a default port) is copied.
        /// </summary>
        public bool Matches(string origin, ReadOnlySpan<char> domain, ReadOnlySpan<char> host)
        {
            if (_literals.Count > 0 && _literals.ContainsKey(domain.Length == origin.Length ? origin : domain.ToString()))
            {
                return true;
            }

            return (_regexes.HasHostEntries && _regexes.MatchesHost(host)) || (_regexes.HasOriginEntries && _regexes.MatchesOrigin(domain));
        }

        /// <summary>
        /// O10: the index of the first entry that matches (cold: for Evaluate, which says which entry decided), or -1. Each
        /// regex entry is compiled on its own the first time it is asked about.
        /// </summary>
        public int FirstMatchingEntry(string origin, ReadOnlySpan<char> domain, ReadOnlySpan<char> host)
        {
            if (!Matches(origin, domain, host))
            {
                return -1;
            }

            var first = WildcardIndex >= 0 ? WildcardIndex : int.MaxValue;
            if (_literals.TryGetValue(domain.ToString(), out var literal) && literal < first)
            {
                first = literal;
            }

            var single = _entryRegexes ??= new RuntimeOriginRegexes?[Entries.Count];
            for (var i = 0; i < Math.Min(first, Entries.Count); i++)
            {
                if (OriginEntry.Classify(Entries[i]) != OriginEntryKind.Regex)
                {
                    continue;
                }

                var regexes = single[i] ??= RuntimeOriginRegexes.Compile(new[] { Entries[i] }, new List<RuntimeOriginProblem>());
                if ((regexes.HasHostEntries && regexes.MatchesHost(host)) || (regexes.HasOriginEntries && regexes.MatchesOrigin(domain)))
                {
                    return i;
                }
            }

            return first == int.MaxValue ? -1 : first;
        }

        /// <summary>A JSON array (the section's children, in index order) or one comma-separated value; none when absent.</summary>
        private static List<string> ReadEntries(IConfigurationSection section)
        {
            var entries = new List<string>();
            foreach (var child in section.GetChildren())
            {
                entries.Add(child.Value?.Trim() ?? "");
            }

            if (entries.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
            {
                foreach (var part in section.Value.Split(','))
                {
                    entries.Add(part.Trim());
                }
            }

            return entries;
        }
    }
}
