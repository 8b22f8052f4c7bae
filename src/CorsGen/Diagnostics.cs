using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CorsGen
{
    /// <summary>
    /// Every diagnostic CorsGen reports. Ids are stable once shipped; each has a page under
    /// <c>docs/diagnostics/</c>. Errors stop the policy from being generated (except CORS003, see
    /// <see cref="BlocksGeneration"/>); warnings flag a policy that compiles but is insecure or cannot
    /// work as written.
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
            "{0} with Credentials = true lets every website send credentialed requests and read the responses (Kong reflects any Origin); list the allowed origins",
            stopsGeneration: false);

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
            "Origin '{0}' makes this policy's regex automaton larger than {1} DFA states; it is matched by a slower (still linear-time) NFA simulation. Simplify the pattern: a counted repeat after an unbounded one over the same characters (e.g. '[a-z-]+-[a-z-]{{12}}') multiplies states");

        public static readonly DiagnosticDescriptor TwoCorsMechanisms = Create(
            "CORS012", Usage, DiagnosticSeverity.Warning,
            "Two CORS mechanisms on the same endpoints",
            "{0} and {1} both apply CORS to these endpoints (an error is logged at startup); keep one. Of two CorsGen policies only the one applied last runs; ASP.NET Core's CORS runs beside CorsGen's");

        public static readonly DiagnosticDescriptor GlobPattern = Create(
            "CORS020", Security, DiagnosticSeverity.Warning,
            "Origin looks like a glob",
            "Origin '{0}' looks like a glob, but Kong has no glob syntax: it is a regex where '*' repeats the previous character and '.' matches any character. For every subdomain write {1}");

        public static readonly DiagnosticDescriptor UnescapedDot = Create(
            "CORS021", Security, DiagnosticSeverity.Warning,
            "Unescaped '.' in an origin regex",
            "The '.' in origin regex '{0}' matches any character, so it also allows '{1}'; write '\\.' for a literal dot");

        public static readonly DiagnosticDescriptor NoLabelBoundary = Create(
            "CORS022", Security, DiagnosticSeverity.Warning,
            "Origin regex matches a suffix without a label boundary",
            "Origin regex '{0}' matches '{1}': anyone can register a domain that ends like that. Require a '.' (or the scheme) before the domain, e.g. '(.+\\.)?{2}'");

        public static readonly DiagnosticDescriptor PartlyAnchoredAlternation = Create(
            "CORS023", Security, DiagnosticSeverity.Warning,
            "Origin regex alternation is anchored only in its last branch",
            "Kong appends '$' to origin regex '{0}', which anchors only the last alternative: it also allows '{1}'. Wrap the alternatives in a group: {2}");

        public static readonly DiagnosticDescriptor NullOrFileOrigin = Create(
            "CORS024", Security, DiagnosticSeverity.Warning,
            "Origin allows the 'null' or a file: origin",
            "Origin '{0}' allows '{1}': {2}");

        public static readonly DiagnosticDescriptor InsecureOriginWithCredentials = Create(
            "CORS025", Security, DiagnosticSeverity.Warning,
            "Plain-http origin allowed with credentials",
            "Origin '{0}' allows '{1}', a plain-http origin, with Credentials = true: anyone on the network path can inject script there and send credentialed requests. Allow https origins (http only for localhost)");

        public static readonly DiagnosticDescriptor PrivateNetworkWithWildcard = Create(
            "CORS026", Security, DiagnosticSeverity.Warning,
            "Private network access allowed to every origin",
            "PrivateNetwork = true with {0} lets any public website reach this private-network service; list the origins allowed to");

        public static readonly DiagnosticDescriptor UpperCaseOrigin = Create(
            "CORS030", Correctness, DiagnosticSeverity.Warning,
            "Origin has upper-case letters",
            "Origin '{0}' has upper-case letters, but browsers send origins in lower case and Kong compares case-sensitively, so {1} never matches; write it in lower case");

        public static readonly DiagnosticDescriptor SchemeLessLiteral = Create(
            "CORS031", Correctness, DiagnosticSeverity.Warning,
            "Origin entry without a scheme matches no browser",
            "Origin '{0}' has no scheme, so Kong compares it with the whole Origin header, which browsers always send as scheme://host[:port]: it never matches. Write 'https://{0}', or the regex '{1}' to match the host with any scheme and port");

        public static readonly DiagnosticDescriptor HostRegexCannotMatch = Create(
            "CORS032", Correctness, DiagnosticSeverity.Warning,
            "Host-only origin regex can never match",
            "Origin regex '{0}' has no ':', so Kong matches it against the host alone, which never contains '/'; it can never match. Add the scheme with ':' (e.g. 'https://...') or drop the '/'");

        public static readonly DiagnosticDescriptor OriginWithPath = Create(
            "CORS033", Correctness, DiagnosticSeverity.Warning,
            "Origin has a path or trailing slash",
            "Origin '{0}' has {1}; an origin is only scheme://host[:port]. {2}");

        public static readonly DiagnosticDescriptor MethodCase = Create(
            "CORS034", Correctness, DiagnosticSeverity.Warning,
            "Method is not upper-case",
            "Method '{0}' is not upper-case: browsers send methods such as PUT and PATCH in upper case and compare Access-Control-Allow-Methods case-sensitively, so a preflight for '{1}' fails; write '{1}'");

        public static readonly DiagnosticDescriptor ForbiddenMethod = Create(
            "CORS035", Correctness, DiagnosticSeverity.Warning,
            "Method is forbidden by the Fetch standard",
            "Method '{0}' is a forbidden method: browsers never send it from a page, so allowing it cross-origin is useless ({1})");

        public static readonly DiagnosticDescriptor ForbiddenHeader = Create(
            "CORS036", Correctness, DiagnosticSeverity.Warning,
            "Header cannot be used in this list",
            "{0} entry '{1}' {2}");

        public static readonly DiagnosticDescriptor SetCookieExposed = Create(
            "CORS037", Correctness, DiagnosticSeverity.Warning,
            "Set-Cookie cannot be exposed",
            "ExposedHeaders entry '{0}' is a forbidden response header name: browsers never let a page read it, whatever the server says");

        public static readonly DiagnosticDescriptor WildcardTakenLiterally = Create(
            "CORS038", Correctness, DiagnosticSeverity.Warning,
            "'*' is not a wildcard with credentials",
            "{0} entry '*' is not a wildcard when Credentials = true: browsers take it as a header or method literally named '*'. List the names");

        public static readonly DiagnosticDescriptor MaxAgeTooLong = Create(
            "CORS039", Correctness, DiagnosticSeverity.Warning,
            "MaxAge is longer than any browser keeps a preflight",
            "MaxAge = {0} is above 86400 seconds (24 hours), more than any browser caches a preflight; browsers silently use their own cap");

        public static readonly DiagnosticDescriptor MaxAgeCapped = Create(
            "CORS040", Correctness, DiagnosticSeverity.Info,
            "MaxAge is above Chromium's cap",
            "MaxAge = {0} is above 7200 seconds: Chromium keeps a preflight for 2 hours at most (Firefox 24 hours, WebKit 10 minutes)");

        public static readonly DiagnosticDescriptor IgnoredWithPreflightContinue = Create(
            "CORS041", Correctness, DiagnosticSeverity.Warning,
            "Setting has no effect with PreflightContinue",
            "{0} only affects preflight answers, and PreflightContinue = true lets the application answer preflights: it has no effect");

        public static readonly DiagnosticDescriptor Duplicate = Create(
            "CORS042", Correctness, DiagnosticSeverity.Warning,
            "Duplicate entry",
            "{0} entry '{1}' repeats entry {2}{3}");

        public static readonly DiagnosticDescriptor UnreachableEntry = Create(
            "CORS043", Correctness, DiagnosticSeverity.Warning,
            "Origin entry after '*' is never used",
            "Origin '{0}' comes after '*', which allows every origin first: it is never used");

        public static readonly DiagnosticDescriptor RegexMatchesNothing = Create(
            "CORS044", Correctness, DiagnosticSeverity.Warning,
            "Origin regex matches no origin",
            "Origin regex '{0}' matches no origin a browser can send (as Kong anchors it: '{1}')");

        public static readonly DiagnosticDescriptor EmptyMethods = Create(
            "CORS045", Correctness, DiagnosticSeverity.Warning,
            "Methods is empty",
            "Methods = [] sends no Access-Control-Allow-Methods, so only GET, HEAD and POST work cross-origin; remove the argument for the default (GET,HEAD,PUT,PATCH,POST,DELETE) or list the methods");

        public static readonly DiagnosticDescriptor WildcardWithoutAuthorization = Create(
            "CORS046", Correctness, DiagnosticSeverity.Warning,
            "'*' in Headers does not cover Authorization",
            "Headers entry '*' allows every request header except Authorization, which the Fetch standard never lets '*' cover: a request that sends Authorization fails its preflight. Add \"Authorization\" to Headers");

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
            AutomatonStateCap,
            TwoCorsMechanisms,
            GlobPattern,
            UnescapedDot,
            NoLabelBoundary,
            PartlyAnchoredAlternation,
            NullOrFileOrigin,
            InsecureOriginWithCredentials,
            PrivateNetworkWithWildcard,
            UpperCaseOrigin,
            SchemeLessLiteral,
            HostRegexCannotMatch,
            OriginWithPath,
            MethodCase,
            ForbiddenMethod,
            ForbiddenHeader,
            SetCookieExposed,
            WildcardTakenLiterally,
            MaxAgeTooLong,
            MaxAgeCapped,
            IgnoredWithPreflightContinue,
            Duplicate,
            UnreachableEntry,
            RegexMatchesNothing,
            EmptyMethods,
            WildcardWithoutAuthorization);

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = BuildIndex();

        public static DiagnosticDescriptor Get(string id) => ById[id];

        /// <summary>
        /// Whether a problem with this id stops the policy from being generated: the generated code could
        /// not be correct (an invalid regex or token, a class that cannot be completed). Decided once, by
        /// <c>stopsGeneration</c> in <see cref="Create"/>: such errors are exactly the not-configurable ones.
        /// </summary>
        public static bool BlocksGeneration(string id) => ById[id].CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable);

        private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var descriptor in All)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }

        /// <summary>A descriptor with its help link and, for an error that stops generation, the not-configurable tag.</summary>
        /// <param name="stopsGeneration">
        /// For an error: whether the generator skips the policy. Such an error is not configurable, since
        /// suppressing it could not make the policy exist. An error that does not stop generation (CORS003)
        /// describes a policy that works as Kong runs it but must not ship; it can be suppressed, and the
        /// policy is then generated with Kong's behaviour. Warnings and infos never stop generation.
        /// </param>
        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, bool stopsGeneration = true) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: severity == DiagnosticSeverity.Error && stopsGeneration ? new[] { WellKnownDiagnosticTags.NotConfigurable } : System.Array.Empty<string>());
    }
}
