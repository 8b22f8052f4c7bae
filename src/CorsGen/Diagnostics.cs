using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CorsGen
{
    /// <summary>
    /// Every diagnostic CorsGen reports. Ids are stable once shipped; each has a page under
    /// <c>docs/diagnostics/</c>. Errors stop the policy from being generated (except CORS003 and CORS047, see
    /// <see cref="BlocksGeneration"/>); warnings flag a policy that compiles but is insecure or cannot
    /// work as written; infos note a harmless setting that does less than it suggests. A message is one
    /// sentence saying what is wrong and where; the description and the page say why and how to fix it.
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
            "Origin '{0}' is not a valid PCRE2 regex: {1} (error {2}, offset {3})",
            "Kong's schema rejects an origin that PCRE2 cannot compile, and the generator skips the policy. Correct the pattern at the offset PCRE2 gives; a glob such as '*.example.com' is not a regex (CORS020).");

        public static readonly DiagnosticDescriptor UnsupportedRegex = Create(
            "CORS002", Regex, DiagnosticSeverity.Error,
            "Origin regex cannot be compiled to a matcher",
            "Origin '{0}' cannot be compiled to a matcher: {1}",
            "CorsGen matches every origin with a finite automaton, in time linear in its length, so it cannot compile backreferences, lookaround, atomic groups, possessive quantifiers, verbs or patterns too large for an automaton; the policy is not generated. Rewrite the pattern without the construct (list what is allowed rather than exclude), or use smaller repetition counts.");

        public static readonly DiagnosticDescriptor WildcardWithCredentials = Create(
            "CORS003", Security, DiagnosticSeverity.Error,
            "Every origin allowed with credentials",
            "{0} with Credentials = true lets every website read credentialed responses",
            "Browsers refuse '*' on a credentialed request, so Kong sends back the request's own Origin instead (rule C3), and any website can read the API's responses with the visitor's cookies. List the origins that may send credentials, or remove Credentials = true. Suppress the error only for a deliberate Kong-compatible policy: it is then generated with Kong's behaviour.",
            stopsGeneration: false);

        public static readonly DiagnosticDescriptor InvalidMethod = Create(
            "CORS004", Usage, DiagnosticSeverity.Error,
            "Method is not a valid HTTP method token",
            "Method '{0}' is not a valid HTTP method token",
            "Each Methods element must be one RFC 9110 token, with no space, comma, control or non-ASCII character; otherwise Access-Control-Allow-Methods is malformed and browsers fail every preflight. Write one method per element.");

        public static readonly DiagnosticDescriptor InvalidHeaderName = Create(
            "CORS005", Usage, DiagnosticSeverity.Error,
            "Header is not a valid HTTP header name",
            "{0} entry '{1}' is not a valid HTTP header name",
            "Each Headers or ExposedHeaders element must be one RFC 9110 token, with no space, comma, colon, control or non-ASCII character; otherwise browsers cannot parse Access-Control-Allow-Headers or Access-Control-Expose-Headers. List each header name as its own element.");

        public static readonly DiagnosticDescriptor NegativeMaxAge = Create(
            "CORS006", Usage, DiagnosticSeverity.Error,
            "MaxAge is negative",
            "MaxAge = {0} is negative",
            "Access-Control-Max-Age is a number of seconds, 0 or more; browsers read a negative value as 0 or as malformed. Write MaxAge = 0 to stop preflight caching, or remove the argument for the browser default.");

        public static readonly DiagnosticDescriptor InvalidTarget = Create(
            "CORS007", Usage, DiagnosticSeverity.Error,
            "Policy class cannot be generated",
            "[KongCors] class '{0}' cannot be generated: {1}",
            "The generator adds members to the class and writes a With<Policy>() extension method in its namespace, so the class must be static partial, neither generic nor file-local, nested only in partial non-generic types, and public or internal like every type it is nested in. Change the declaration as the message says.");

        public static readonly DiagnosticDescriptor InvalidOriginEntry = Create(
            "CORS008", Usage, DiagnosticSeverity.Error,
            "Origin entry is empty",
            "Origins element {0} is {1}",
            "Kong accepts an empty origin entry but then fails at run time on every request with an Origin, and the generator skips the policy. Remove the element, or write the origin it was meant to be.");

        public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
            "CORS009", Usage, DiagnosticSeverity.Error,
            "C# 11 or newer is required",
            "CorsGen needs C# 11 or newer, but the project uses C# {0}",
            "The generated code uses C# 11 features (span switches, file-local types), so nothing is generated. Remove <LangVersion> from the project, or set it to 11 or newer.");

        public static readonly DiagnosticDescriptor AspNetCoreMissing = Create(
            "CORS010", Usage, DiagnosticSeverity.Warning,
            "ASP.NET Core or CorsGen.Runtime is not referenced",
            "{1} not referenced, so only {0}.GetAllowOrigin and {0}.Evaluate are generated, not {0}.Policy or With{0}()",
            "Without ASP.NET Core 8 or newer and the CorsGen.Runtime library (both part of an ASP.NET Core app that references the CorsGen package) the generator writes no Policy object, policy attribute or With<Policy>() shorthand, so WithKongCors(...) and UseKongCors() have nothing to apply. Use Microsoft.NET.Sdk.Web or add a FrameworkReference to Microsoft.AspNetCore.App (and, with project references, reference src/CorsGen.Runtime), or turn the warning off if GetAllowOrigin and Evaluate are all the project needs.");

        public static readonly DiagnosticDescriptor AutomatonStateCap = Create(
            "CORS011", Regex, DiagnosticSeverity.Warning,
            "Origin regexes exceed the automaton state cap",
            "Origin '{0}' makes the policy's automaton exceed {1} DFA states, so it is matched by an NFA",
            "Matching stays correct and linear-time, but an NFA simulation does more work per character than a DFA. A counted repeat after an unbounded one over the same characters (e.g. '[a-z-]+-[a-z-]{12}') multiplies states: exclude the separator from the counted part, or use '+' where the count does not matter.");

        public static readonly DiagnosticDescriptor TwoCorsMechanisms = Create(
            "CORS012", Usage, DiagnosticSeverity.Warning,
            "Two CORS mechanisms on the same endpoints",
            "{0} and {1} both apply CORS to these endpoints",
            "Of two CorsGen policies only the one applied last runs, and ASP.NET Core's CORS runs beside CorsGen's; the startup check logs an error for such endpoints. A policy attribute next to [EnableCors] or [DisableCors] on one declaration leaves the endpoint to whichever ASP.NET Core adds last. Keep one CORS mechanism per endpoint or declaration.");

        public static readonly DiagnosticDescriptor PolicyNamedByString = Create(
            "CORS013", Usage, DiagnosticSeverity.Warning,
            "CorsGen policy named by string",
            "{0} cannot find the CorsGen policy '{1}' by name, so apply it with [{2}] or With{2}() instead",
            "A CorsGen policy is compiled code, not a policy registered with AddCors(), so ASP.NET Core's [EnableCors(name)], RequireCors(name) and UseCors(name), and YARP's CorsPolicy, which look a name up in ASP.NET Core's policy provider, do not find it: the request fails at run time (YARP already when it loads its routes). Apply a CorsGen policy with its attribute ([ShopCors]) or its With<Policy>() extension (MapReverseProxy().WithShopCors() for YARP), with app.UseKongCors().");

        public static readonly DiagnosticDescriptor HiddenFromRequestDelegateGenerator = Create(
            "CORS014", Usage, DiagnosticSeverity.Warning,
            "Generated With<Policy>() hides a route builder from the Request Delegate Generator",
            "The Request Delegate Generator cannot see the generated {0}, so the Map calls on this builder use reflection",
            "Source generators do not see each other's output: where the Request Delegate Generator runs (PublishAot or EnableRequestDelegateGenerator), a builder whose type comes from a generated With<Policy>() call has no type for it, so it leaves the Map calls on that builder to the reflection-based factory, which warns IL2026 and IL3050 at publish and can fail under Native AOT. Apply the policy with the runtime library's method, which the Request Delegate Generator sees, .WithKongCors(ShopCors.Policy), or in a statement of its own (api.WithShopCors();).");

        public static readonly DiagnosticDescriptor GlobPattern = Create(
            "CORS020", Security, DiagnosticSeverity.Warning,
            "Origin looks like a glob",
            "Origin '{0}' looks like a glob, but Kong reads it as a regex",
            "Kong has no glob syntax: in a regex '*' repeats the previous character and '.' matches any character, so 'https://*.example.com' refuses real subdomains and allows look-alike domains. For every subdomain write a regex such as 'https://([a-z0-9-]+\\.)+example\\.com'; the code fix does this.");

        public static readonly DiagnosticDescriptor UnescapedDot = Create(
            "CORS021", Security, DiagnosticSeverity.Warning,
            "Unescaped '.' in an origin regex",
            "The '.' in origin regex '{0}' matches any character, so it allows '{1}'",
            "A dot where a host name has one lets in domains that anyone can register. Write '\\.' for a literal dot (\"\\\\.\" in a regular string); the code fix escapes the reported dots.");

        public static readonly DiagnosticDescriptor NoLabelBoundary = Create(
            "CORS022", Security, DiagnosticSeverity.Warning,
            "Origin regex matches a suffix without a label boundary",
            "Origin regex '{0}' has no label boundary before its domain, so it allows '{1}'",
            "Anyone can register a domain that ends like the allowed one and read the API's responses from it. Require a '.' (or the scheme) before the domain, e.g. '(.+\\.)?example\\.com'.");

        public static readonly DiagnosticDescriptor PartlyAnchoredAlternation = Create(
            "CORS023", Security, DiagnosticSeverity.Warning,
            "Origin regex alternation is anchored only in its last branch",
            "Origin regex '{0}' is anchored only in its last alternative, so it allows '{1}'",
            "Kong appends '$' to the regex, which binds tighter than '|', so the other alternatives accept any origin that starts with them, such as a subdomain of an attacker's domain. Wrap the alternatives in '(?:...)', or in '(...)' for a host-only entry, whose ':' would make Kong match the whole origin; the code fix does this.");

        public static readonly DiagnosticDescriptor NullOrFileOrigin = Create(
            "CORS024", Security, DiagnosticSeverity.Warning,
            "Origin allows the 'null' or a file: origin",
            "Origin '{0}' allows '{1}', an origin that anyone can claim",
            "Sandboxed iframes, file:// pages and redirected requests send 'null', so any page on the web can obtain it; a file: origin is only sent by non-browser clients and embedded webviews, and any local file can claim it. Remove the entry and serve the page from a real origin, or start the regex with the scheme.");

        public static readonly DiagnosticDescriptor InsecureOriginWithCredentials = Create(
            "CORS025", Security, DiagnosticSeverity.Warning,
            "Plain-http origin allowed with credentials",
            "Origin '{0}' allows the plain-http origin '{1}' with Credentials = true",
            "Anyone on the network path to a plain-http page can inject script into it and send credentialed requests with the visitor's cookies. Allow https origins, and http only for localhost.");

        public static readonly DiagnosticDescriptor PrivateNetworkWithWildcard = Create(
            "CORS026", Security, DiagnosticSeverity.Warning,
            "Private network access allowed to every origin",
            "PrivateNetwork = true with {0} lets any public website reach this private-network service",
            "A private network access preflight is then approved for every origin, so any website the user visits can reach the service from inside the network. List the origins allowed to, or remove PrivateNetwork = true.");

        public static readonly DiagnosticDescriptor UpperCaseOrigin = Create(
            "CORS030", Correctness, DiagnosticSeverity.Warning,
            "Origin has upper-case letters",
            "Origin '{0}' has upper-case letters, so {1} never matches a browser's origin",
            "Browsers send origins in lower case, and Kong compares literals and matches regexes case-sensitively. Write the entry in lower case (the code fix does this), or make a regex part case-insensitive with '(?i)'.");

        public static readonly DiagnosticDescriptor SchemeLessLiteral = Create(
            "CORS031", Correctness, DiagnosticSeverity.Warning,
            "Origin entry without a scheme matches no browser",
            "Origin '{0}' has no scheme, so it never matches the Origin header a browser sends",
            "Kong compares a literal entry with the whole Origin header, which browsers always send as scheme://host[:port]. Write the full origin, e.g. 'https://shop.example.com', or the escaped host as a regex, e.g. 'shop\\.example\\.com', to match the host with any scheme and port.");

        public static readonly DiagnosticDescriptor HostRegexCannotMatch = Create(
            "CORS032", Correctness, DiagnosticSeverity.Warning,
            "Host-only origin regex can never match",
            "Origin regex '{0}' never matches: without a ':' it is matched against the host, which has no '/'",
            "Kong matches a regex that has no ':' against the request's host alone (rule O7), and every string this regex accepts contains a '/'. Add the scheme with its ':' (e.g. 'https://...') to match whole origins, or drop the '/' to match the host.");

        public static readonly DiagnosticDescriptor OriginWithPath = Create(
            "CORS033", Correctness, DiagnosticSeverity.Warning,
            "Origin has a path or trailing slash",
            "Origin '{0}' has {1}, but an origin is only scheme://host[:port]",
            "As the only entry it is sent back as written, and browsers reject an Access-Control-Allow-Origin that is not exactly their origin; in a list Kong drops the path, so it matches but misleads readers. Remove everything after the host and port; the code fix does this.");

        public static readonly DiagnosticDescriptor MethodCase = Create(
            "CORS034", Correctness, DiagnosticSeverity.Warning,
            "Method is not upper-case",
            "Method '{0}' is not upper-case, so a preflight for '{1}' fails",
            "Browsers send methods such as PUT and PATCH in upper case and compare Access-Control-Allow-Methods case-sensitively. Write the method in upper case; the code fix does this.");

        public static readonly DiagnosticDescriptor ForbiddenMethod = Create(
            "CORS035", Correctness, DiagnosticSeverity.Warning,
            "Method is forbidden by the Fetch standard",
            "Method '{0}' is a forbidden method, which browsers never send from a page",
            "Allowing it cross-origin is useless, and it shows that the API accepts it: CONNECT opens tunnels, and TRACE and TRACK echo requests back, a cross-site tracing risk. Remove the method from Methods.");

        public static readonly DiagnosticDescriptor ForbiddenHeader = Create(
            "CORS036", Correctness, DiagnosticSeverity.Info,
            "Header cannot be used in this list",
            "{0} entry '{1}' is {2}",
            "The entry is harmless but has no effect: a page can never set a forbidden request header, a CORS response header is never in a request, and request or preflight-only headers are never readable in a response. Remove the entry; cookies need Credentials = true, not a Cookie header.");

        public static readonly DiagnosticDescriptor SetCookieExposed = Create(
            "CORS037", Correctness, DiagnosticSeverity.Warning,
            "Set-Cookie cannot be exposed",
            "ExposedHeaders entry '{0}' is a forbidden response header, which no page can read",
            "Browsers filter Set-Cookie and Set-Cookie2 out of every response a page sees, whatever Access-Control-Expose-Headers says. Remove the entry, and send what the page needs in the body or in a header of your own.");

        public static readonly DiagnosticDescriptor WildcardTakenLiterally = Create(
            "CORS038", Correctness, DiagnosticSeverity.Warning,
            "'*' is not a wildcard with credentials",
            "{0} entry '*' is not a wildcard with Credentials = true, so browsers take it literally",
            "The Fetch standard treats '*' in Access-Control-Allow-Methods, -Allow-Headers and -Expose-Headers as a wildcard only for requests without credentials; otherwise it is a method or header named '*'. List the names.");

        public static readonly DiagnosticDescriptor MaxAgeTooLong = Create(
            "CORS039", Correctness, DiagnosticSeverity.Warning,
            "MaxAge is longer than any browser keeps a preflight",
            "MaxAge = {0} is above 86400 seconds (24 hours), longer than any browser caches a preflight",
            "Every browser caps how long it caches a preflight (Chromium 2 hours, Firefox 24 hours, WebKit 10 minutes) and silently uses its own cap. Use 7200 seconds or less, or at most 86400.");

        public static readonly DiagnosticDescriptor MaxAgeCapped = Create(
            "CORS040", Correctness, DiagnosticSeverity.Info,
            "MaxAge is above Chromium's cap",
            "MaxAge = {0} is above 7200 seconds, the longest Chromium caches a preflight",
            "Chromium keeps a preflight for 2 hours at most (Firefox 24 hours, WebKit 10 minutes), so the longer value only helps Firefox. Use 7200 or less, or turn the message off if Firefox's longer cache is worth it.");

        public static readonly DiagnosticDescriptor IgnoredWithPreflightContinue = Create(
            "CORS041", Correctness, DiagnosticSeverity.Warning,
            "Setting has no effect with PreflightContinue",
            "{0} has no effect because PreflightContinue = true passes preflights to the application",
            "Methods, Headers, MaxAge and PrivateNetwork only shape the policy's answer to a preflight, and with PreflightContinue the application answers preflights itself. Remove PreflightContinue = true, or remove the setting and send those headers from the application's OPTIONS handler.");

        public static readonly DiagnosticDescriptor Duplicate = Create(
            "CORS042", Correctness, DiagnosticSeverity.Warning,
            "Duplicate entry",
            "{0} entry '{1}' repeats entry {2}{3}",
            "A duplicate never changes the result, but it is often a copied entry that was never edited, so the value that was meant is missing. Remove the repetition (the code fix does this), or correct it.");

        public static readonly DiagnosticDescriptor UnreachableEntry = Create(
            "CORS043", Correctness, DiagnosticSeverity.Warning,
            "Origin entry in a list with '*' is ignored",
            "Origin '{0}' is ignored because the list holds '*'",
            "Kong returns '*' as soon as it meets the '*' entry, while it reads the list and before it matches any entry (rule O5), so every request with an Origin gets '*', whatever the other entries and their order: the list suggests a restriction that does not exist. Remove '*' if only the listed origins are meant, or keep only '*'.");

        public static readonly DiagnosticDescriptor RegexMatchesNothing = Create(
            "CORS044", Correctness, DiagnosticSeverity.Warning,
            "Origin regex matches no origin",
            "Origin regex '{0}', anchored by Kong as '{1}', matches no browser origin",
            "An Origin header holds only visible ASCII characters, and the regex, with the '$' Kong appends, accepts no string of them; a stray space or text after an end anchor is the usual cause. Remove the stray characters or correct the anchors.");

        public static readonly DiagnosticDescriptor EmptyMethods = Create(
            "CORS045", Correctness, DiagnosticSeverity.Warning,
            "Methods is empty",
            "Methods = [] sends no Access-Control-Allow-Methods, so only GET, HEAD and POST work cross-origin",
            "An empty list is not the default: a PUT, PATCH or DELETE from an allowed origin fails its preflight. Remove the argument for the default (GET,HEAD,PUT,PATCH,POST,DELETE), or list the methods.");

        public static readonly DiagnosticDescriptor WildcardWithoutAuthorization = Create(
            "CORS046", Correctness, DiagnosticSeverity.Warning,
            "'*' in Headers does not cover Authorization",
            "Headers entry '*' does not cover Authorization, so requests that send it fail their preflight",
            "The Fetch standard never lets '*' in Access-Control-Allow-Headers cover Authorization, even without credentials. Add \"Authorization\" to Headers if pages send it.");

        public static readonly DiagnosticDescriptor ExampleDisagrees = Create(
            "CORS047", Correctness, DiagnosticSeverity.Error,
            "Policy example disagrees with the policy",
            "Example '{0}' is {1} by the policy, not {2}: {3}",
            "A [KongCorsExample] states what the policy must answer to an origin, and the compiled policy answers otherwise, so the policy does not do what its author expects. Fix the origin list (or the example, if the expectation was wrong).",
            stopsGeneration: false);

        public static readonly DiagnosticDescriptor ConfigurationUnavailable = Create(
            "CORS048", Usage, DiagnosticSeverity.Error,
            "OriginsFromConfiguration cannot be used",
            "OriginsFromConfiguration cannot be used here: {0}",
            "OriginsFromConfiguration names the configuration key whose origin entries the application reads when it starts; the generated code reads them through the CorsGen.Runtime assembly of the CorsGen package and the application's IConfiguration. The policy is not generated. Name a key such as \"Cors:Origins\", reference the CorsGen package (not only its analyzer) and ASP.NET Core.");

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
            PolicyNamedByString,
            HiddenFromRequestDelegateGenerator,
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
            WildcardWithoutAuthorization,
            ExampleDisagrees,
            ConfigurationUnavailable);

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
        /// <param name="message">One sentence, without a final period: what is wrong and where.</param>
        /// <param name="description">Why it matters and how to fix it; the docs page says more.</param>
        /// <param name="stopsGeneration">
        /// For an error: whether the generator skips the policy. Such an error is not configurable, since
        /// suppressing it could not make the policy exist. An error that does not stop generation (CORS003)
        /// describes a policy that works as Kong runs it but must not ship; it can be suppressed, and the
        /// policy is then generated with Kong's behaviour. Warnings and infos never stop generation.
        /// </param>
        private static DiagnosticDescriptor Create(
            string id, string category, DiagnosticSeverity severity, string title, string message, string description, bool stopsGeneration = true) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: severity == DiagnosticSeverity.Error && stopsGeneration ? new[] { WellKnownDiagnosticTags.NotConfigurable } : System.Array.Empty<string>());
    }
}
