using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsGen
{
    /// <summary>
    /// Every diagnostic CorsGen reports. Ids are stable once shipped; each has a page under
    /// <c>docs/diagnostics/</c>. Errors stop the policy from being generated; warnings flag a
    /// policy that compiles but is insecure or cannot work as written.
    /// </summary>
    internal static class Diagnostics
    {
        public const string HelpLinkBase = "https://github.com/corsgen/CorsGen/blob/main/docs/diagnostics/";

        private const string Usage = "CorsGen.Usage";
        private const string Security = "CorsGen.Security";
        private const string Correctness = "CorsGen.Correctness";
        private const string Regex = "CorsGen.Regex";

        public static readonly DiagnosticDescriptor InvalidRegex = Create(
            "CORS001", Regex, DiagnosticSeverity.Error,
            "Origin is not a valid PCRE2 regex",
            "Origin '{0}' is not a valid PCRE2 regex: {1} (PCRE2 error {2} at offset {3})");

        public static readonly DiagnosticDescriptor UnsupportedRegex = Create(
            "CORS002", Regex, DiagnosticSeverity.Error,
            "Origin regex cannot be compiled to a matcher",
            "Origin '{0}' cannot be compiled to a matcher; {1}");

        public static readonly DiagnosticDescriptor WildcardWithCredentials = Create(
            "CORS003", Security, DiagnosticSeverity.Error,
            "Every origin allowed with credentials",
            "{0} with Credentials = true lets every website send credentialed requests and read the responses (Kong reflects any Origin); list the allowed origins");

        public static readonly DiagnosticDescriptor InvalidMethod = Create(
            "CORS004", Usage, DiagnosticSeverity.Error,
            "Method is not a valid HTTP method token",
            "Method '{0}' is not a valid HTTP method token (RFC 9110 token characters only, no spaces or commas)");

        public static readonly DiagnosticDescriptor InvalidHeaderName = Create(
            "CORS005", Usage, DiagnosticSeverity.Error,
            "Header is not a valid HTTP header name",
            "{0} entry '{1}' is not a valid HTTP header name (RFC 9110 token characters only; list each header as its own element)");

        public static readonly DiagnosticDescriptor NegativeMaxAge = Create(
            "CORS006", Usage, DiagnosticSeverity.Error,
            "MaxAge is negative",
            "MaxAge = {0} is negative; Access-Control-Max-Age is a number of seconds, 0 or more");

        public static readonly DiagnosticDescriptor InvalidTarget = Create(
            "CORS007", Usage, DiagnosticSeverity.Error,
            "Policy class cannot be generated",
            "[KongCors] class '{0}' cannot be generated: {1}");

        public static readonly DiagnosticDescriptor InvalidOriginEntry = Create(
            "CORS008", Usage, DiagnosticSeverity.Error,
            "Origin entry is empty",
            "Origins element {0} is {1}; Kong fails at run time on such an entry. Remove it or write an origin");

        public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
            "CORS009", Usage, DiagnosticSeverity.Error,
            "C# 11 or newer is required",
            "CorsGen generates C# 11 code (span switches, file-local types); the project uses C# {0}. Set <LangVersion> to 11 or newer.");

        public static readonly DiagnosticDescriptor AspNetCoreMissing = Create(
            "CORS010", Usage, DiagnosticSeverity.Warning,
            "ASP.NET Core is not referenced",
            "The project does not reference ASP.NET Core, so With{0}() and the endpoint filter are not generated; only {0}.GetAllowOrigin is");

        public static readonly DiagnosticDescriptor AutomatonStateCap = Create(
            "CORS011", Regex, DiagnosticSeverity.Warning,
            "Origin regexes exceed the automaton state cap",
            "Origin '{0}' makes this policy's regex automaton larger than {1} DFA states; it is matched by a slower (still linear-time) NFA simulation. Simplify the pattern (bounded repeats of alternations multiply states)");

        /// <summary>Every descriptor, for the analyzer's SupportedDiagnostics.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            InvalidRegex,
            UnsupportedRegex,
            WildcardWithCredentials,
            InvalidMethod,
            InvalidHeaderName,
            NegativeMaxAge,
            InvalidTarget,
            InvalidOriginEntry,
            LanguageVersionTooLow,
            AspNetCoreMissing,
            AutomatonStateCap);

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = BuildIndex();

        public static DiagnosticDescriptor Get(string id) => ById[id];

        /// <summary>
        /// Whether a problem with this id stops the policy from being generated: the generated code could
        /// not be correct (an invalid regex or token, a class that cannot be completed). Other errors, like
        /// CORS003, describe a policy that works as Kong would run it but must not ship; they can be
        /// suppressed, and the policy is then generated with Kong's behaviour.
        /// </summary>
        public static bool BlocksGeneration(string id) => id != WildcardWithCredentials.Id && ById[id].DefaultSeverity == DiagnosticSeverity.Error;

        private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var descriptor in All)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }

        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: severity == DiagnosticSeverity.Error && id != "CORS003" ? new[] { WellKnownDiagnosticTags.NotConfigurable } : System.Array.Empty<string>());
    }
}
