using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using CorsGen.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CorsGen.Runtime
{
    /// <summary>
    /// The origins of a policy with <c>OriginsFromConfiguration</c>, for one application: the attribute's entries followed
    /// by those read from the configuration key (O10: in that order), as Kong would see the combined list. Generated code
    /// reads it once per application, when the endpoints are built; the request path asks it only what the generated
    /// matchers of the attribute's entries cannot answer. Not meant to be used directly.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class KongCorsConfiguredOrigins
    {
        private readonly ConfiguredOrigins? _configured;
        private readonly int _attributeEntries;

        private KongCorsConfiguredOrigins(string[] attributeEntries, ConfiguredOrigins? configured)
        {
            _configured = configured;
            _attributeEntries = attributeEntries.Length;
            var combined = new List<string>(attributeEntries);
            if (configured is not null)
            {
                combined.AddRange(configured.Entries);
            }

            Entries = combined.ToArray();
            Key = configured?.Key;
            WildcardIndex = Array.IndexOf(Entries, "*");

            // O1: exactly ["*"]. O3: one literal-looking entry, sent as it is. An empty list allows nothing here: only the
            // attribute can ask for Kong's allow-all, and ReadOrFail refuses an empty combined list.
            AllowsEveryOrigin = Entries.Length == 1 && WildcardIndex == 0;
            SingleLiteral = Entries.Length == 1 && OriginEntry.Classify(Entries[0]) == OriginEntryKind.Literal ? Entries[0] : null;
        }

        /// <summary>The configuration key, or <see langword="null"/> for <see cref="WithoutConfiguration"/>.</summary>
        public string? Key { get; }

        /// <summary>The combined list: the attribute's entries, then the configured ones, as written.</summary>
        public string[] Entries { get; }

        /// <summary>O1: the combined list is exactly <c>["*"]</c>: every origin, with no Vary.</summary>
        public bool AllowsEveryOrigin { get; }

        /// <summary>O3: the combined list's one literal entry, sent as it is whatever the Origin; otherwise null.</summary>
        public string? SingleLiteral { get; }

        /// <summary>O5: the index of the first <c>*</c> of the combined list (it answers every request with an Origin), or -1.</summary>
        public int WildcardIndex { get; }

        /// <summary>
        /// Reads and checks the entries under <paramref name="key"/> for a policy whose attribute lists
        /// <paramref name="attributeEntries"/>, with the analyzer's own rules: an error (CORS001, CORS002, CORS003, CORS008...)
        /// throws <see cref="KongCorsConfigurationException"/> with every error at once, so the application does not start;
        /// a warning is logged, once, with its id, through the application's logging (category <c>CorsGen.KongCors</c>).
        /// </summary>
        public static KongCorsConfiguredOrigins Read(
            IConfiguration configuration, string key, string policyName, string[] attributeEntries, bool credentials, IServiceProvider? services = null)
        {
            ArgumentNullException.ThrowIfNull(configuration);
            ArgumentNullException.ThrowIfNull(attributeEntries);
            var configured = ConfiguredOrigins.ReadOrFail(configuration, key, policyName, attributeEntries.Length, credentials, out var warnings);
            if (warnings.Count > 0 && services?.GetService(typeof(ILoggerFactory)) is ILoggerFactory loggers)
            {
                var logger = loggers.CreateLogger(LogCategory);
                foreach (var warning in warnings)
                {
                    s_configuredEntryWarning(logger, policyName, key + ":" + warning.Index.ToString(CultureInfo.InvariantCulture), warning.DiagnosticId, warning.Message, null);
                }
            }

            return new KongCorsConfiguredOrigins(attributeEntries, configured);
        }

        /// <summary>The category of CorsGen's logs (the generated runtime's <c>KongCorsRuntime.LogCategory</c>).</summary>
        private const string LogCategory = "CorsGen.KongCors";

        private static readonly Action<ILogger, string, string, string, string, Exception?> s_configuredEntryWarning = LoggerMessage.Define<string, string, string, string>(
            LogLevel.Warning,
            new EventId(20, "ConfiguredOriginWarning"),
            "CORS policy {Policy}: configuration entry {Entry}: {DiagnosticId} {Message}");

        /// <summary>
        /// The attribute's entries alone, as the static <c>GetAllowOrigin</c> and <c>Evaluate</c> of a policy see them
        /// without an application: no configured entry, and an empty list allows no origin (never Kong's allow-all).
        /// </summary>
        public static KongCorsConfiguredOrigins WithoutConfiguration(string[] attributeEntries)
        {
            ArgumentNullException.ThrowIfNull(attributeEntries);
            return new KongCorsConfiguredOrigins(attributeEntries, null);
        }

        /// <summary>
        /// O6-O9: whether a configured entry (not the attribute's: generated code matches those) matches the request's
        /// origin, given as the request path normalized it. Allocates nothing for an origin a browser sends.
        /// </summary>
        public bool Matches(string origin, ReadOnlySpan<char> domain, ReadOnlySpan<char> host) =>
            _configured is not null && _configured.Matches(origin, domain, host);

        /// <summary>O10: the index in <see cref="Entries"/> of the first configured entry that matches, or -1 (for Evaluate).</summary>
        public int FirstMatchingEntry(string origin, ReadOnlySpan<char> domain, ReadOnlySpan<char> host) =>
            _configured?.FirstMatchingEntry(origin, domain, host) is { } index and >= 0 ? _attributeEntries + index : -1;
    }
}
