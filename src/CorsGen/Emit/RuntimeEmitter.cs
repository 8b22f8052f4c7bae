using System.Collections.Generic;
using CorsGen.Model;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the one file of run-time helpers that every policy of an assembly shares: reading
    /// request headers as Kong does (R1, R2), the D4 checks on what may be reflected, Kong's origin
    /// normalization (O8), and, with ASP.NET Core, the endpoint filter, the middleware dispatch, the
    /// endpoint checks at startup and the logging. Policy files hold only what is specific to a policy.
    /// Each helper is a fragment named for what it is; the optional ones (<see cref="RuntimeHelpers"/>)
    /// are written only when some policy of the assembly calls them.
    /// </summary>
    internal static class RuntimeEmitter
    {
        public const string HintName = "CorsGen.KongCorsRuntime.g.cs";

        /// <summary>D4: the longest Origin or Access-Control-Request-Headers value that is matched or reflected.</summary>
        public const int MaxReflectedLength = 4096;

        public static string Emit(CompilationFacts facts, RuntimeHelpers helpers)
        {
            var writer = new SourceWriter();
            writer.FileHeader("the run-time helpers every [KongCors] policy of this assembly shares");
            writer.OpenGeneratedNamespace(facts.RuntimeNamespace, Usings(facts));
            if (facts.HasAspNetCore)
            {
                writer.Lines(PolicyInterfaceDeclaration.Split('\n'));
                writer.Line();
            }

            writer.Line("/// <summary>Kong's <c>cors</c> handler mechanics shared by the policies of this assembly.</summary>");
            writer.Line(EmittedNames.GeneratedCodeAttribute);
            writer.Line("[EditorBrowsable(EditorBrowsableState.Never)]");
            writer.Open($"internal static class {EmittedNames.Runtime}");
            var fragments = new List<string> { OriginValidation };
            AddIf(fragments, helpers, RuntimeHelpers.Latin1Alphabet, Latin1Alphabet);
            AddIf(fragments, helpers, RuntimeHelpers.OriginNormalization, OriginNormalization);
            AddIf(fragments, helpers, RuntimeHelpers.NfaSimulation, NfaSimulation);
            AddIf(fragments, helpers, RuntimeHelpers.LiteralSearch, LiteralSearch);
            AddIf(fragments, helpers, RuntimeHelpers.MatchProgress, MatchProgress);

            // The request path's P2 reflection, and Evaluate's, which needs no ASP.NET Core.
            AddIf(fragments, helpers, RuntimeHelpers.HeaderNameList, HeaderNameList);
            if (facts.HasAspNetCore)
            {
                fragments.Add(RequestHeaders);
                fragments.AddRange(new[] { VaryOrigin, Dispatch(facts.HasDecision), EndpointChecks, PolicyLookup, MiddlewareRegistry, PathEndpoints, LoggerLookup, LogMessages });
                AddIf(fragments, helpers, RuntimeHelpers.ConfiguredOrigins, ConfiguredOriginsCheck);
                if (facts.HasDecision)
                {
                    fragments.Add(Observation);
                }
            }

            for (var i = 0; i < fragments.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                writer.Lines(fragments[i].Split('\n'));
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        /// <summary>
        /// <see cref="PolicyDispatch"/>, with the filter's calls of <c>Observe</c> (metrics, explanations) where the
        /// attribute assembly has <c>IKongCorsPolicyDiagnostics</c>, without them (and their lines) where it does not.
        /// </summary>
        private static string Dispatch(bool observe)
        {
            var lines = new List<string>();
            foreach (var line in PolicyDispatch.Split('\n'))
            {
                var trimmed = line.Trim();
                var replacement = trimmed switch
                {
                    "{{observer}}" => "var diagnostics = DiagnosticsOf(endpoint.ApplicationServices);",
                    "{{observePreflight}}" => "Observe(diagnostics, policy, httpContext, preflight: true, requestOrigin);",
                    "{{observeRequest}}" => "Observe(diagnostics, policy, httpContext, preflight: false, null);",
                    _ => null,
                };
                if (replacement is null)
                {
                    lines.Add(line);
                }
                else if (observe)
                {
                    lines.Add(line.Substring(0, line.Length - line.TrimStart().Length) + replacement);
                }
            }

            return string.Join("\n", lines);
        }

        private static void AddIf(List<string> fragments, RuntimeHelpers helpers, RuntimeHelpers helper, string fragment)
        {
            if ((helpers & helper) != 0)
            {
                fragments.Add(fragment);
            }
        }

        private static string[] Usings(CompilationFacts facts) => facts.HasAspNetCore
            ? new[]
            {
                "System", "System.Buffers", "System.CodeDom.Compiler", "System.Collections.Concurrent", "System.Collections.Generic",
                "System.ComponentModel", "System.Diagnostics.CodeAnalysis", "System.Diagnostics.Metrics", "System.Reflection", "System.Runtime.CompilerServices",
                "System.Threading.Tasks", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Builder",
                "Microsoft.AspNetCore.Cors.Infrastructure", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
                "Microsoft.Extensions.Configuration", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging", "Microsoft.Extensions.Primitives",
            }
            : new[] { "System", "System.Buffers", "System.CodeDom.Compiler", "System.ComponentModel" };

        /// <summary>What the shared request path needs from one policy, implemented by each policy's <c>Metadata</c>.</summary>
        private static readonly string PolicyInterfaceDeclaration = $$"""
            /// <summary>
            /// What the shared request path needs from one policy. Each policy's <c>Metadata</c> implements it, so the
            /// filter and the middleware reach the policy through the endpoint metadata that <c>With...()</c> adds.
            /// </summary>
            {{EmittedNames.GeneratedCodeAttribute}}
            internal interface IKongCorsPolicy
            {
                /// <summary>The policy class's full name.</summary>
                string PolicyName { get; }

                /// <summary>P7: preflights are not answered but continue to the application.</summary>
                bool PreflightContinue { get; }

                /// <summary>
                /// P1-P6: answers a preflight (never called when <see cref="PreflightContinue"/>) whose Origin the caller has
                /// read; <paramref name="logger"/> is the endpoint's, when the caller holds it, so a rejected preflight need not
                /// look it up.
                /// </summary>
                void WritePreflightAnswer(HttpContext httpContext, string requestOrigin, ILogger? logger);

                /// <summary>A1-A4: the OnStarting callback that adds the headers of every other response (state: the HttpContext).</summary>
                Func<object, Task> ApplyResponseHeadersOnStarting { get; }

                /// <summary>The policy's one <c>Metadata</c> instance, whether this is that instance or the policy's attribute.</summary>
                object Policy { get; }

                /// <summary>
                /// The policy as it serves the application whose services are given: itself, unless its origins come from
                /// configuration (then the application's own instance, whose configured origins are read and checked once).
                /// </summary>
                IKongCorsPolicy ForApplication(IServiceProvider services);
            }
            """;

        /// <summary>D4: <c>ValidOrigin</c>, the check of an Origin before it is matched or reflected.</summary>
        private static readonly string OriginValidation = $$"""
            /// <summary>D4: visible ASCII, '!' to '~', the only chars of an Origin that is matched and reflected.</summary>
            private static readonly SearchValues<char> VisibleAscii = SearchValues.Create(Range('!', '~'));

            private static char[] Range(char first, char last)
            {
                var chars = new char[last - first + 1];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)(first + i);
                }

                return chars;
            }

            /// <summary>D4: the longest Origin or Access-Control-Request-Headers value that is matched or reflected.</summary>
            private const int MaxReflectedLength = {{MaxReflectedLength}};

            /// <summary>
            /// D4: the Origin to match and reflect, or <see langword="null"/> when it is absent or empty (R1), or is not a
            /// valid header value to send back: anything but visible ASCII, or longer than 4096 chars.
            /// </summary>
            internal static string? ValidOrigin(string? value)
            {
                if (value is null || value.Length == 0 || value.Length > MaxReflectedLength)
                {
                    return null;
                }

                return value.AsSpan().ContainsAnyExcept(VisibleAscii) ? null : value;
            }
            """;

        /// <summary>The 8-bit alphabet PCRE2 sees, for class-switch automata.</summary>
        // A SearchValues rather than MemoryExtensions.ContainsAnyExceptInRange: the generic one was measured to allocate
        // 48-96 B per call in the test host (AllocationTests).
        private const string Latin1Alphabet = """
            /// <summary>The 8-bit alphabet PCRE2 sees, U+0000 to U+00FF: a subject with any other char matches no regex entry.</summary>
            internal static readonly SearchValues<char> Latin1 = SearchValues.Create(Range('\u0000', '\u00ff'));
            """;

        /// <summary>O8: Kong's origin normalization, and the normalized origin as the string to send.</summary>
        private const string OriginNormalization = """
            /// <summary>
            /// O8: Kong's <c>normalize_origin</c> over LuaSocket 3.0-rc1's <c>url.parse</c>, without copying any origin a
            /// browser sends. Drops <c>#fragment</c>, <c>userinfo@</c>, path, query, <c>[]</c> around an IPv6 host, and
            /// <c>:80</c> for http and <c>:443</c> for https; lower-cases nothing. Without <c>//authority</c> (or with an
            /// empty host) the origin is its own normal form.
            /// </summary>
            /// <param name="origin">A request Origin that passed D4 (visible ASCII).</param>
            /// <param name="domain">The normalized <c>scheme://host[:port]</c>: what literal entries are compared with and what is sent back.</param>
            /// <param name="host">The host alone: the subject of host-only regex entries (O7).</param>
            internal static void Normalize(string origin, out ReadOnlySpan<char> domain, out ReadOnlySpan<char> host)
            {
                domain = origin;
                host = origin;
                var text = origin.AsSpan();

                // url.parse strips the fragment first.
                var end = text.IndexOf('#');
                if (end < 0)
                {
                    end = text.Length;
                }

                // A scheme: ^[A-Za-z0-9][A-Za-z0-9+.-]*:
                var schemeEnd = -1;
                if (end > 0 && char.IsAsciiLetterOrDigit(text[0]))
                {
                    var i = 1;
                    while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
                    {
                        i++;
                    }

                    if (i < end && text[i] == ':')
                    {
                        schemeEnd = i;
                    }
                }

                // Then an authority: ^//[^/]*. Without one the origin is its own normal form.
                var authorityStart = schemeEnd + 3;
                if (authorityStart > end || text[authorityStart - 2] != '/' || text[authorityStart - 1] != '/')
                {
                    return;
                }

                var slash = text.Slice(authorityStart, end - authorityStart).IndexOf('/');
                var authorityEnd = slash < 0 ? end : authorityStart + slash;

                // userinfo@ up to the first '@'; a port after the last ':' that no ':' or ']' follows.
                var at = text.Slice(authorityStart, authorityEnd - authorityStart).IndexOf('@');
                var hostStart = at < 0 ? authorityStart : authorityStart + at + 1;
                var hostEnd = authorityEnd;
                var colon = text.Slice(hostStart, authorityEnd - hostStart).LastIndexOf(':');
                if (colon >= 0 && text.Slice(hostStart + colon, authorityEnd - hostStart - colon).IndexOf(']') < 0)
                {
                    hostEnd = hostStart + colon;
                }

                if (hostEnd == hostStart)
                {
                    // An empty host: the origin is its own normal form.
                    return;
                }

                var hostText = text.Slice(hostStart, hostEnd - hostStart);
                var bracketed = hostText.Length > 2 && hostText[0] == '[' && hostText[hostText.Length - 1] == ']';
                host = bracketed ? hostText.Slice(1, hostText.Length - 2) : hostText;

                // Kong drops the default port of http and https (case-sensitive).
                var scheme = schemeEnd < 0 ? ReadOnlySpan<char>.Empty : text.Slice(0, schemeEnd);
                var hasPort = hostEnd < authorityEnd;
                var port = hasPort ? text.Slice(hostEnd + 1, authorityEnd - hostEnd - 1) : ReadOnlySpan<char>.Empty;
                var keepPort = hasPort
                    && !((scheme.SequenceEqual("http") && port.SequenceEqual("80"))
                        || (scheme.SequenceEqual("https") && port.SequenceEqual("443")));

                if (at < 0 && !bracketed)
                {
                    // Every origin a browser sends: the normal form is a slice of the header, nothing is copied.
                    var domainStart = schemeEnd < 0 ? hostStart : 0;
                    domain = text.Slice(domainStart, (keepPort ? authorityEnd : hostEnd) - domainStart);
                    return;
                }

                // userinfo or an IPv6 host: the normal form is not one slice of the header, so it is built.
                var prefix = string.Concat(scheme, schemeEnd < 0 ? ReadOnlySpan<char>.Empty : "://", host);
                domain = keepPort ? string.Concat(prefix, ":", port) : prefix;
            }

            /// <summary>The normalized origin as the string to send: the header itself when it is already normal.</summary>
            internal static string AllowOriginFor(string origin, ReadOnlySpan<char> domain) =>
                domain.Length == origin.Length ? origin : domain.ToString();
            """;

        /// <summary>How far a small DFA, written as tables, matches a subject (Evaluate's closest entry).</summary>
        private const string MatchProgress = """
            /// <summary>
            /// How many characters of <paramref name="subject"/> a regex entry's DFA reads before no match is possible any more
            /// (the position where the entry stops matching); the subject's length when it reads all of it. The DFA is given as
            /// tables: <paramref name="classes"/> maps a char to its class (a char past its end stops the match),
            /// <paramref name="transitions"/> a state and a class
            /// to the next state; <paramref name="dead"/> and <paramref name="match"/> are -1 when the DFA has no such state.
            /// </summary>
            internal static int MatchedPrefix(ReadOnlySpan<char> subject, string classes, int classCount, string transitions, int state, int dead, int match)
            {
                for (var i = 0; i < subject.Length; i++)
                {
                    if (state == match)
                    {
                        return subject.Length;
                    }

                    var c = subject[i];
                    if (c >= classes.Length)
                    {
                        return i;
                    }

                    state = transitions[(state * classCount) + classes[c]];
                    if (state == dead)
                    {
                        return i;
                    }
                }

                return subject.Length;
            }
            """;

        /// <summary>The linear-time NFA simulation of regex entries past the DFA state cap.</summary>
        private const string NfaSimulation = """
            /// <summary>
            /// The fallback matcher of regex entries whose DFA would exceed the state cap (CORS011): the NFA simulated
            /// over the subject, one set of states per code unit, so still linear in the subject's length. State 0 is
            /// the absorbing accept. The state sets come from the shared array pool: nothing is allocated per call.
            /// </summary>
            internal static bool MatchesNfa(
                ReadOnlySpan<char> subject,
                ReadOnlySpan<byte> classes,
                int classCount,
                ReadOnlySpan<int> startStates,
                ReadOnlySpan<int> successorStarts,
                ReadOnlySpan<int> successors,
                ReadOnlySpan<bool> acceptsAtEnd)
            {
                var stateCount = acceptsAtEnd.Length;
                var rented = ArrayPool<int>.Shared.Rent(stateCount * 3);
                try
                {
                    var current = new Span<int>(rented, 0, stateCount);
                    var next = new Span<int>(rented, stateCount, stateCount);
                    var seen = new Span<int>(rented, 2 * stateCount, stateCount);
                    seen.Clear();
                    var count = 0;
                    foreach (var state in startStates)
                    {
                        if (state == 0)
                        {
                            return true;
                        }

                        current[count++] = state;
                    }

                    var step = 0;
                    foreach (var c in subject)
                    {
                        if (count == 0 || c > '\u00ff')
                        {
                            return false;
                        }

                        var cls = classes[c];
                        var nextCount = 0;
                        step++;
                        for (var i = 0; i < count; i++)
                        {
                            var index = (current[i] * classCount) + cls;
                            for (var j = successorStarts[index]; j < successorStarts[index + 1]; j++)
                            {
                                var target = successors[j];
                                if (target == 0)
                                {
                                    return true;
                                }

                                if (seen[target] != step)
                                {
                                    seen[target] = step;
                                    next[nextCount++] = target;
                                }
                            }
                        }

                        var swap = current;
                        current = next;
                        next = swap;
                        count = nextCount;
                    }

                    for (var i = 0; i < count; i++)
                    {
                        if (acceptsAtEnd[current[i]])
                        {
                            return true;
                        }
                    }

                    return false;
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(rented);
                }
            }
            """;

        /// <summary>O8, O9: the binary search of long literal lists.</summary>
        private const string LiteralSearch = """
            /// <summary>
            /// O8, O9 for long literal lists: the entry of <paramref name="sorted"/> (normalized, in ordinal order) equal to
            /// <paramref name="domain"/>, by binary search, or <see langword="null"/>.
            /// </summary>
            internal static string? FindLiteral(string[] sorted, ReadOnlySpan<char> domain)
            {
                var low = 0;
                var high = sorted.Length - 1;
                while (low <= high)
                {
                    var middle = low + ((high - low) >> 1);
                    var order = sorted[middle].AsSpan().SequenceCompareTo(domain);
                    if (order == 0)
                    {
                        return sorted[middle];
                    }

                    if (order < 0)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle - 1;
                    }
                }

                return null;
            }
            """;

        /// <summary>R1, R2: reading a request's CORS headers.</summary>
        private const string RequestHeaders = """
            /// <summary>R2: a repeated request header counts by its first value.</summary>
            internal static string? First(StringValues values) => values.Count == 0 ? null : values[0];

            /// <summary>R1: OPTIONS (exactly), a non-empty Origin, and an Access-Control-Request-Method (even empty).</summary>
            /// <param name="request">The request.</param>
            /// <param name="requestOrigin">The Origin of a preflight (its first value), so the answer does not look it up again.</param>
            internal static bool IsPreflight(HttpRequest request, [NotNullWhen(true)] out string? requestOrigin)
            {
                requestOrigin = null;
                if (!string.Equals(request.Method, "OPTIONS", StringComparison.Ordinal))
                {
                    return false;
                }

                requestOrigin = First(request.Headers.Origin);
                return !string.IsNullOrEmpty(requestOrigin) && request.Headers.AccessControlRequestMethod.Count > 0;
            }
            """;

        /// <summary>D4: whether Access-Control-Request-Headers may be reflected (P2).</summary>
        private const string HeaderNameList = """
            /// <summary>
            /// D4: whether an Access-Control-Request-Headers value may be reflected: header names (RFC 9110 tokens)
            /// separated by commas, with optional spaces or tabs around them, at most 4096 chars.
            /// </summary>
            internal static bool IsHeaderNameList(string? value)
            {
                if (value is null || value.Length == 0 || value.Length > MaxReflectedLength)
                {
                    return false;
                }

                var i = 0;
                while (true)
                {
                    while (i < value.Length && value[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    var start = i;
                    while (i < value.Length && IsTokenChar(value[i]))
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }

                    while (i < value.Length && value[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    if (i == value.Length)
                    {
                        return true;
                    }

                    if (value[i] != ',')
                    {
                        return false;
                    }

                    i++;
                }
            }

            /// <summary>RFC 9110 <c>tchar</c>.</summary>
            private static bool IsTokenChar(char c) =>
                char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            """;

        /// <summary>O2, A3: adding <c>Vary: Origin</c> once.</summary>
        private const string VaryOrigin = """
            /// <summary>
            /// O2, A3: adds <c>Vary: Origin</c> as its own value, keeping the endpoint's Vary. Once: a response that already
            /// varies by Origin (an exception handler re-running the pipeline, a second policy) is left as it is.
            /// </summary>
            internal static void AppendVaryOrigin(IHeaderDictionary headers)
            {
                var vary = headers.Vary;
                for (var i = 0; i < vary.Count; i++)
                {
                    var value = vary[i].AsSpan();
                    while (!value.IsEmpty)
                    {
                        var comma = value.IndexOf(',');
                        var item = (comma < 0 ? value : value.Slice(0, comma)).Trim();
                        if (item.Equals("Origin", StringComparison.OrdinalIgnoreCase))
                        {
                            return;
                        }

                        value = comma < 0 ? default : value.Slice(comma + 1);
                    }
                }

                headers.Vary = StringValues.Concat(vary, "Origin");
            }
            """;

        /// <summary>A policy's work for one request, as a middleware and as an endpoint filter.</summary>
        private const string PolicyDispatch = """
            /// <summary>The policy's work for one request, as a middleware: answers a preflight or decorates the response.</summary>
            internal static Task Invoke(IKongCorsPolicy policy, HttpContext httpContext, RequestDelegate next)
            {
                if (IsPreflight(httpContext.Request, out var requestOrigin))
                {
                    if (policy.PreflightContinue)
                    {
                        // P7: the preflight goes on to whatever the application routes it to, with no CORS headers from this policy.
                        return next(httpContext);
                    }

                    // P1: the preflight is answered here, before authentication, authorization and the endpoint.
                    policy.WritePreflightAnswer(httpContext, requestOrigin, null);
                    return Task.CompletedTask;
                }

                // A1, A2: everything else goes on; the headers are added when the response starts.
                StartDecorating(policy, httpContext);
                return next(httpContext);
            }

            /// <summary>
            /// Builds the endpoint filter of <paramref name="policy"/> for one endpoint, or leaves <paramref name="next"/> as it
            /// is when the policy is not the endpoint's to apply: UseKongCors() handles the endpoint's requests (before
            /// authentication, so the filter would only do the work twice), or another CorsGen policy applied closer to the
            /// endpoint wins, as the last CORS metadata does in ASP.NET Core.
            /// </summary>
            internal static EndpointFilterDelegate CreateFilter(
                EndpointBuilder endpoint,
                IKongCorsPolicy policy,
                EndpointFilterDelegate next)
            {
                if (IsMiddlewareRegistered(endpoint.ApplicationServices) || IsOptedOut(endpoint.Metadata) || !ReferenceEquals(FindPolicy(endpoint.Metadata), PolicyOf(policy)))
                {
                    return next;
                }

                // The application's CorsGen logger, found once here rather than on every rejected preflight.
                var logger = Logger(endpoint.ApplicationServices);
                {{observer}}
                return context =>
                {
                    var httpContext = context.HttpContext;
                    if (IsPreflight(httpContext.Request, out var requestOrigin))
                    {
                        {{observePreflight}}
                        if (policy.PreflightContinue)
                        {
                            // P7: the preflight goes on to the application, with no CORS headers from this policy.
                            return next(context);
                        }

                        // P1: the preflight is answered here; the endpoint's handler never runs.
                        policy.WritePreflightAnswer(httpContext, requestOrigin, logger);
                        return new ValueTask<object?>(Results.Empty);
                    }

                    {{observeRequest}}
                    StartDecorating(policy, httpContext);
                    return next(context);
                };
            }

            /// <summary>
            /// A1, A2: every response that is not an answered preflight gets the headers when it starts, whoever writes it:
            /// the handler, an error result, a later filter, authentication, or the exception handler (which clears
            /// headers but not OnStarting callbacks).
            /// </summary>
            private static void StartDecorating(IKongCorsPolicy policy, HttpContext httpContext)
            {
                var response = httpContext.Response;
                if (!response.HasStarted)
                {
                    response.OnStarting(policy.ApplyResponseHeadersOnStarting, httpContext);
                }
            }
            """;

        /// <summary>The <c>Finally</c> convention: preflight routing and the checks logged at startup.</summary>
        private const string EndpointChecks = """
            /// <summary>
            /// The <c>Finally</c> convention of a policy, once its endpoint's metadata is complete: lets preflights reach an
            /// endpoint mapped for some methods only, and reports at startup what would make the policy fail.
            /// </summary>
            /// <summary>
            /// Adds <see cref="FinishEndpoint"/> as a <c>Finally</c> convention, which runs once the endpoint's metadata is
            /// complete; as an ordinary convention on builders that do not implement <c>Finally</c> (YARP's
            /// <c>MapReverseProxy()</c> leaves it to the interface's default, which throws).
            /// </summary>
            internal static void AddFinishConvention(IEndpointConventionBuilder builder, IKongCorsPolicy policy)
            {
                try
                {
                    builder.Finally(endpoint => FinishEndpoint(endpoint, policy));
                }
                catch (NotImplementedException)
                {
                    builder.Add(endpoint => FinishEndpoint(endpoint, policy));
                }
            }

            internal static void FinishEndpoint(EndpointBuilder endpoint, IKongCorsPolicy policy)
            {
                if (IsOptedOut(endpoint.Metadata))
                {
                    OptOut(endpoint);
                    return;
                }

                if (!ReferenceEquals(FindPolicy(endpoint.Metadata), PolicyOf(policy)))
                {
                    // Another policy is the endpoint's; its own convention does this work once.
                    return;
                }

                if (!policy.PreflightContinue)
                {
                    AcceptPreflights(endpoint);
                }

                var logger = Logger(endpoint.ApplicationServices);
                if (logger is null)
                {
                    return;
                }

                if (FindEndpointLogger(endpoint.Metadata) is null)
                {
                    endpoint.Metadata.Add(new EndpointLogger(logger));
                }

                foreach (var item in endpoint.Metadata)
                {
                    if (item is ICorsMetadata && FirstReport(endpoint, "aspnetcore"))
                    {
                        s_duplicateMechanisms(logger, endpoint.DisplayName, policy.PolicyName, "ASP.NET Core CORS (" + item.GetType().Name + ")", null);
                    }
                    else if (IsKongCorsPolicy(item) && item is not Attribute && !ReferenceEquals(PolicyOf(item), PolicyOf(policy)) && FirstReport(endpoint, PolicyNameOf(item)))
                    {
                        s_duplicateMechanisms(logger, endpoint.DisplayName, policy.PolicyName, PolicyNameOf(item), null);
                    }
                }

                if (!IsMiddlewareRegistered(endpoint.ApplicationServices) && RequiresAuthorization(endpoint.Metadata) && FirstReport(endpoint, "authorization"))
                {
                    s_middlewareMissing(logger, endpoint.DisplayName, policy.PolicyName, null);
                }

                // R4 needs UseKongCors(): without it, a preflight for a method no endpoint of the path maps gets 404. Said once
                // per application, on its first endpoint mapped for some methods only.
                if (!policy.PreflightContinue
                    && !IsMiddlewareRegistered(endpoint.ApplicationServices)
                    && MethodMetadata(endpoint.Metadata) is { HttpMethods.Count: > 0 }
                    && endpoint.ApplicationServices is { } services
                    && s_reported.GetOrCreateValue(services).TryAdd("R4", true))
                {
                    s_pathsNeedMiddleware(logger, endpoint.DisplayName, policy.PolicyName, null);
                }
            }

            /// <summary>
            /// The startup check of policy attributes, run by the application's <c>KongCorsStartupCheck</c> once its pipeline is
            /// built: an attribute (<c>[ShopCors]</c>) cannot add the endpoint filter <c>With...()</c> adds, so without
            /// UseKongCors() an endpoint whose closest policy is an attribute gets no CORS headers at all, and a policy applied
            /// by convention to it stands aside for the attribute. Each such endpoint is logged at Error, once per application.
            /// </summary>
            internal static void CheckAttributesHaveMiddleware(IServiceProvider services)
            {
                if (IsMiddlewareRegistered(services)
                    || services.GetService(typeof(EndpointDataSource)) is not EndpointDataSource source
                    || Logger(services) is not { } logger
                    || !s_reported.GetOrCreateValue(services).TryAdd("attributes", true))
                {
                    return;
                }

                IReadOnlyList<Endpoint> endpoints;
                try
                {
                    endpoints = source.Endpoints;
                }
                catch (Exception)
                {
                    // An endpoint that cannot be built fails the first request with the application's own error; a check
                    // does not turn it into a startup failure.
                    return;
                }

                foreach (var endpoint in endpoints)
                {
                    if (FindPolicy(endpoint.Metadata) is Attribute attribute && !IsOptedOut(endpoint.Metadata))
                    {
                        s_attributeNeedsMiddleware(logger, endpoint.DisplayName, PolicyNameOf(attribute), null);
                    }
                }
            }

            private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, bool>> s_reported = new();

            /// <summary>
            /// Endpoints are built again by each endpoint data source that lists them (routing, link generation, tools):
            /// each finding is logged once per application and endpoint.
            /// </summary>
            private static bool FirstReport(EndpointBuilder endpoint, string finding) =>
                endpoint.ApplicationServices is not { } services
                || s_reported.GetOrCreateValue(services).TryAdd(endpoint.DisplayName + "\n" + finding, true);

            /// <summary>
            /// Routing gives a preflight (OPTIONS + Origin + Access-Control-Request-Method: X) to an endpoint mapped for X
            /// only when the endpoint accepts CORS preflights; without it the preflight gets 405. Routing reads the last
            /// method metadata; endpoints that accept every method need nothing.
            /// </summary>
            private static void AcceptPreflights(EndpointBuilder endpoint)
            {
                var methods = MethodMetadata(endpoint.Metadata);
                if (methods is HttpMethodMetadata settable)
                {
                    settable.AcceptCorsPreflight = true;
                }
                else if (methods is { AcceptCorsPreflight: false })
                {
                    endpoint.Metadata.Add(new HttpMethodMetadata(methods.HttpMethods, acceptCorsPreflight: true));
                }
            }

            /// <summary>
            /// ASP.NET Core's <c>[DisableCors]</c> is closer to the endpoint than any CorsGen policy attribute (a
            /// <c>With...()</c> convention ranks below attributes, as in <see cref="FindPolicy(IList{object})"/>): the
            /// endpoint opts out, as the closest CORS metadata wins in ASP.NET Core.
            /// </summary>
            internal static bool IsOptedOut(IReadOnlyList<object> metadata)
            {
                for (var i = metadata.Count - 1; i >= 0; i--)
                {
                    if (metadata[i] is IDisableCorsAttribute)
                    {
                        return true;
                    }

                    if (metadata[i] is Attribute && IsKongCorsPolicy(metadata[i]))
                    {
                        return false;
                    }
                }

                return false;
            }

            private static bool IsOptedOut(IList<object> metadata) => IsOptedOut(metadata as IReadOnlyList<object> ?? new List<object>(metadata));

            /// <summary>
            /// An opted-out endpoint gets nothing from CorsGen: its policies leave its metadata (so neither UseKongCors() nor
            /// R4's path endpoints apply one), its preflights are not routed to it, and, when the application has no
            /// ASP.NET Core CORS services (so no UseCors() can honour the attribute), the attribute leaves too, because
            /// ASP.NET Core answers 500 to an endpoint with CORS metadata that no CORS middleware has seen.
            /// </summary>
            private static void OptOut(EndpointBuilder endpoint)
            {
                var keepAttribute = endpoint.ApplicationServices?.GetService(typeof(ICorsService)) is not null;
                for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
                {
                    var item = endpoint.Metadata[i];
                    if (IsKongCorsPolicy(item) || (!keepAttribute && item is IDisableCorsAttribute))
                    {
                        endpoint.Metadata.RemoveAt(i);
                    }
                }

                // With the attribute gone, nothing answers its preflights: routing must not send them to the handler.
                if (!keepAttribute && MethodMetadata(endpoint.Metadata) is HttpMethodMetadata { AcceptCorsPreflight: true } methods)
                {
                    methods.AcceptCorsPreflight = false;
                }
            }

            /// <summary>The method metadata routing reads: the last one.</summary>
            private static IHttpMethodMetadata? MethodMetadata(IList<object> metadata)
            {
                IHttpMethodMetadata? methods = null;
                foreach (var item in metadata)
                {
                    if (item is IHttpMethodMetadata candidate)
                    {
                        methods = candidate;
                    }
                }

                return methods;
            }

            private static bool RequiresAuthorization(IList<object> metadata)
            {
                var requires = false;
                foreach (var item in metadata)
                {
                    if (item is IAllowAnonymous)
                    {
                        return false;
                    }

                    requires |= item is IAuthorizeData or AuthorizationPolicy;
                }

                return requires;
            }
            """;

        /// <summary>The startup check of policies whose origins come from configuration (OriginsFromConfiguration).</summary>
        private const string ConfiguredOriginsCheck = """
            /// <summary>
            /// Reads and checks, as the application starts, the configured origins of every policy its endpoints use: building
            /// the endpoints runs each With...() convention, which reads its application's origins, and a policy named by an
            /// attribute is read here. A bad entry stops the application with a KongCorsConfigurationException (the key, each
            /// entry's index and the analyzer's message) instead of failing its first request.
            /// </summary>
            internal static void ReadConfiguredOrigins(IServiceProvider services)
            {
                if (services.GetService(typeof(EndpointDataSource)) is not EndpointDataSource source)
                {
                    return;
                }

                IReadOnlyList<Endpoint> endpoints;
                try
                {
                    endpoints = source.Endpoints;
                }
                catch (Exception e) when (e is not CorsGen.Runtime.KongCorsConfigurationException)
                {
                    // An endpoint that cannot be built for another reason fails the first request with the application's
                    // own error, as without this check.
                    return;
                }

                foreach (var endpoint in endpoints)
                {
                    if (FindPolicy(endpoint.Metadata) is { } policy)
                    {
                        ForApplication(policy, services);
                    }
                }
            }
            """;

        /// <summary>Finding the CorsGen policy of an endpoint, from this assembly or another.</summary>
        private const string PolicyLookup = """
            /// <summary>
            /// The CorsGen policy of an endpoint being built, as <see cref="PolicyOf"/> names it: the closest attribute
            /// (<c>[ShopCors]</c> on an action wins over its controller's), else the closest <c>With...()</c> convention.
            /// MVC adds an endpoint's conventions after its attributes, so "last" alone would let a convention win.
            /// </summary>
            internal static object? FindPolicy(IList<object> metadata)
            {
                object? convention = null;
                for (var i = metadata.Count - 1; i >= 0; i--)
                {
                    if (IsKongCorsPolicy(metadata[i]))
                    {
                        if (metadata[i] is Attribute)
                        {
                            return PolicyOf(metadata[i]);
                        }

                        convention ??= metadata[i];
                    }
                }

                return convention is null ? null : PolicyOf(convention);
            }

            /// <summary>The CorsGen policy of a routed endpoint, as its middleware: the closest attribute, else the closest convention.</summary>
            internal static IMiddleware? FindPolicy(EndpointMetadataCollection metadata)
            {
                var candidates = metadata.GetOrderedMetadata<IMiddleware>();
                IMiddleware? convention = null;
                for (var i = candidates.Count - 1; i >= 0; i--)
                {
                    if (IsKongCorsPolicy(candidates[i]))
                    {
                        if (candidates[i] is Attribute)
                        {
                            return candidates[i];
                        }

                        convention ??= candidates[i];
                    }
                }

                return convention;
            }

            /// <summary>
            /// The policy as it serves the application of <paramref name="services"/>: the application's own instance of a policy
            /// whose origins come from configuration, read and checked once; any other policy as it is.
            /// </summary>
            internal static IMiddleware ForApplication(IMiddleware policy, IServiceProvider services) =>
                policy is IKongCorsPolicy own ? (IMiddleware)own.ForApplication(services) : policy;

            /// <summary>A policy's identity: its <c>Metadata</c> instance, for the instance itself and for the policy's attribute.</summary>
            internal static object PolicyOf(object item) => (item as IKongCorsPolicy)?.Policy ?? item;

            private static readonly ConcurrentDictionary<Type, bool> s_policyTypes = new();

            /// <summary>
            /// Whether a metadata item is a CorsGen policy, from this assembly or another one: the nested <c>Metadata</c>
            /// class or the policy's attribute CorsGen generates, both of which implement <see cref="IMiddleware"/>.
            /// </summary>
            internal static bool IsKongCorsPolicy(object item) =>
                item is IKongCorsPolicy
                || (item is IMiddleware && s_policyTypes.GetOrAdd(item.GetType(), static type =>
                    (type.Name == "Metadata" || typeof(Attribute).IsAssignableFrom(type))
                    && type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "CorsGen"));

            private static string PolicyNameOf(object policy) =>
                (policy as IKongCorsPolicy)?.PolicyName ?? policy.GetType().DeclaringType?.FullName ?? policy.GetType().FullName ?? "?";
            """;

        /// <summary>Which applications run <c>UseKongCors()</c>, shared by every assembly of the process.</summary>
        private const string MiddlewareRegistry = """
            /// <summary>The key under which this process's applications with UseKongCors() are listed, shared by every assembly.</summary>
            private const string MiddlewareRegistryKey = "CorsGen.KongCors.MiddlewareApplications";

            /// <summary>
            /// Records that the application whose services are <paramref name="applicationServices"/> runs UseKongCors(), so
            /// its endpoints build no filter. The list lives in <see cref="AppContext"/> data, so the
            /// middleware and the policies of every assembly of the application see the same one.
            /// </summary>
            internal static void RegisterMiddleware(IServiceProvider applicationServices) =>
                MiddlewareRegistry().AddOrUpdate(applicationServices, MiddlewareRegistryKey);

            internal static bool IsMiddlewareRegistered(IServiceProvider? applicationServices) =>
                applicationServices is not null && MiddlewareRegistry().TryGetValue(applicationServices, out _);

            private static ConditionalWeakTable<object, object> MiddlewareRegistry()
            {
                if (AppContext.GetData(MiddlewareRegistryKey) is ConditionalWeakTable<object, object> registry)
                {
                    return registry;
                }

                // Startup only. The lock is on a type every assembly shares, so two assemblies cannot both create the list.
                lock (typeof(AppContext))
                {
                    if (AppContext.GetData(MiddlewareRegistryKey) is not ConditionalWeakTable<object, object> existing)
                    {
                        existing = new ConditionalWeakTable<object, object>();
                        AppContext.SetData(MiddlewareRegistryKey, existing);
                    }

                    return existing;
                }
            }
            """;

        /// <summary>R4: the endpoints that make a policy govern its paths whatever method a request asks for.</summary>
        private const string PathEndpoints = """
            /// <summary>
            /// R4, with UseKongCors(): adds <see cref="PathEndpoints"/> to the application's endpoints, once per application,
            /// where routing is set up (a WebApplication, or the route builder UseRouting() created).
            /// </summary>
            internal static void AddPathEndpoints(IApplicationBuilder app)
            {
                var routes = app as IEndpointRouteBuilder
                    ?? (app.Properties.TryGetValue("__EndpointRouteBuilder", out var builder) ? builder as IEndpointRouteBuilder : null);
                routes?.DataSources.Add(new PathEndpoints(routes.DataSources, app.ApplicationServices));
            }

            /// <summary>
            /// R4: a policy governs a path, not a method. For each route pattern (and hosts) of an endpoint governed by a
            /// CorsGen policy, one more endpoint on the same pattern that routing selects only for the methods no endpoint of
            /// that pattern maps (of Kong's nine): a preflight asking for such a method reaches the policy, which UseKongCors()
            /// runs (P1-P7), and any other request gets the 405 routing would have written, with the policy's headers (A1,
            /// A2). It never competes with an endpoint the application mapped: it takes none of their methods, and comes
            /// after all of them in order; among patterns, the most specific wins, as routing decides.
            /// </summary>
            internal sealed class PathEndpoints : EndpointDataSource
            {
                private static readonly string[] KongMethods = { "GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT" };

                private readonly ICollection<EndpointDataSource> _sources;
                private readonly IServiceProvider _services;
                private readonly object _gate = new object();
                private List<Endpoint>? _endpoints;
                private List<IChangeToken>? _tokens;

                public PathEndpoints(ICollection<EndpointDataSource> sources, IServiceProvider services)
                {
                    _sources = sources;
                    _services = services;
                }

                /// <summary>
                /// Built once and kept until another source changes: reading the other sources builds their endpoints
                /// again (a minimal-API source builds them on every read), and routing, link generation and tools each read.
                /// Whether a source changed is read from the tokens taken before the last build, not from a callback, so a
                /// reader woken by the same change never gets the old endpoints.
                /// </summary>
                public override IReadOnlyList<Endpoint> Endpoints
                {
                    get
                    {
                        lock (_gate)
                        {
                            if (_endpoints is null || AnyChanged(_tokens!))
                            {
                                _tokens = Tokens();
                                _endpoints = Build();
                            }

                            return _endpoints;
                        }
                    }
                }

                public override IChangeToken GetChangeToken() => new CompositeChangeToken(Tokens());

                private List<IChangeToken> Tokens()
                {
                    var tokens = new List<IChangeToken>();
                    foreach (var source in Sources())
                    {
                        tokens.Add(source.GetChangeToken());
                    }

                    return tokens;
                }

                private static bool AnyChanged(List<IChangeToken> tokens)
                {
                    foreach (var token in tokens)
                    {
                        if (token.HasChanged)
                        {
                            return true;
                        }
                    }

                    return false;
                }

                private List<EndpointDataSource> Sources()
                {
                    var sources = new List<EndpointDataSource>();
                    foreach (var source in _sources)
                    {
                        if (source is not PathEndpoints)
                        {
                            sources.Add(source);
                        }
                    }

                    return sources;
                }

                private List<Endpoint> Build()
                {
                    // Every endpoint of a pattern counts for the methods it maps; the policy is the one of the endpoint routing
                    // ranks first on that pattern (the lowest order).
                    var paths = new Dictionary<string, PathUse>(StringComparer.Ordinal);
                    var inOrder = new List<PathUse>();
                    foreach (var source in Sources())
                    {
                        foreach (var endpoint in source.Endpoints)
                        {
                            if (endpoint is not RouteEndpoint route)
                            {
                                continue;
                            }

                            var hosts = route.Metadata.GetMetadata<IHostMetadata>();
                            var key = (route.RoutePattern.RawText ?? route.DisplayName ?? "") + "\n" + (hosts is null ? "" : string.Join(",", hosts.Hosts));
                            if (!paths.TryGetValue(key, out var path))
                            {
                                path = new PathUse(key, route, hosts);
                                paths.Add(key, path);
                                inOrder.Add(path);
                            }

                            path.Add(route, FindPolicy(route.Metadata));
                        }
                    }

                    var ranked = new List<(PathUse Path, int Mapped)>();
                    foreach (var path in inOrder)
                    {
                        if (path.Tie is { } tie)
                        {
                            LogTie(path.Key, tie.First, tie.Second);
                        }

                        if (path.Policy is not null && !path.AnyMethod)
                        {
                            ranked.Add((path, ranked.Count));
                        }
                    }

                    // Orders after every mapped endpoint (and before MapFallback's int.MaxValue), most specific pattern first,
                    // then in mapping order: no two path endpoints ever tie, so routing never finds them ambiguous.
                    ranked.Sort(static (x, y) =>
                    {
                        var byPrecedence = x.Path.Route.RoutePattern.InboundPrecedence.CompareTo(y.Path.Route.RoutePattern.InboundPrecedence);
                        return byPrecedence != 0 ? byPrecedence : x.Mapped.CompareTo(y.Mapped);
                    });

                    var endpoints = new List<Endpoint>();
                    for (var i = 0; i < ranked.Count; i++)
                    {
                        if (ranked[i].Path.ToEndpoint(int.MaxValue - 1 - ranked.Count + i, KongMethods) is { } endpoint)
                        {
                            endpoints.Add(endpoint);
                        }
                    }

                    return endpoints;
                }

                /// <summary>Logs, once per application and pattern, two policies that tie on one pattern.</summary>
                private void LogTie(string key, string first, string second)
                {
                    if (Logger(_services) is { } logger && s_reported.GetOrCreateValue(_services).TryAdd("R4\n" + key, true))
                    {
                        s_pathPolicyTie(logger, key.Replace("\n", " "), first, second, null);
                    }
                }
            }

            /// <summary>Marks the endpoints <see cref="PathEndpoints"/> adds.</summary>
            internal sealed class PathEndpointMetadata
            {
                public static PathEndpointMetadata Instance { get; } = new PathEndpointMetadata();
            }

            /// <summary>One route pattern (and its hosts): the methods its endpoints map, and the policy that governs it.</summary>
            private sealed class PathUse
            {
                private readonly HashSet<string> _methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                private readonly HashSet<string> _preflightsOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                private readonly IHostMetadata? _hosts;
                private int _policyOrder = int.MaxValue;
                private EndpointLogger? _logger;

                public PathUse(string key, RouteEndpoint route, IHostMetadata? hosts)
                {
                    Key = key;
                    Route = route;
                    _hosts = hosts;
                }

                /// <summary>The pattern and its hosts, as <see cref="PathEndpoints"/> groups endpoints.</summary>
                public string Key { get; }

                public RouteEndpoint Route { get; }

                /// <summary>Two policies of the same, lowest order on the pattern: the first answers, and this says so.</summary>
                public (string First, string Second)? Tie { get; private set; }

                public IMiddleware? Policy { get; private set; }

                /// <summary>The policy answers preflights (not P7): its endpoints accept CORS preflights.</summary>
                public bool AcceptsPreflights { get; private set; }

                /// <summary>An endpoint of the pattern takes every method: routing never answers 405 there.</summary>
                public bool AnyMethod { get; private set; }

                public void Add(RouteEndpoint route, IMiddleware? policy)
                {
                    var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>();
                    if (methods is null || methods.HttpMethods.Count == 0)
                    {
                        AnyMethod = true;
                    }
                    else
                    {
                        _methods.UnionWith(methods.HttpMethods);
                    }

                    if (policy is null || route.Metadata.GetMetadata<PathEndpointMetadata>() is not null)
                    {
                        return;
                    }

                    // A policy from this assembly says whether it answers preflights (P7); another assembly's convention said it
                    // with AcceptCorsPreflight when the endpoint was built.
                    var answersPreflights = policy is IKongCorsPolicy own ? !own.PreflightContinue : methods?.AcceptCorsPreflight ?? false;
                    if (answersPreflights && methods is { AcceptCorsPreflight: false, HttpMethods.Count: > 0 })
                    {
                        // An attribute (on a controller, an action, a page, a handler) adds no convention that lets routing send
                        // the endpoint's own preflights to it: the path endpoint takes them, and only them (it orders after).
                        _preflightsOnly.UnionWith(methods.HttpMethods);
                    }

                    if (Policy is not null && !ReferenceEquals(PolicyOf(Policy), PolicyOf(policy)) && route.Order == _policyOrder)
                    {
                        Tie ??= (PolicyNameOf(Policy), PolicyNameOf(policy));
                    }

                    if (route.Order < _policyOrder)
                    {
                        Policy = policy;
                        _policyOrder = route.Order;
                        AcceptsPreflights = answersPreflights;
                        _logger = route.Metadata.GetMetadata<EndpointLogger>();
                    }
                }

                /// <summary>The path endpoint, for the methods of <paramref name="known"/> no endpoint maps; null when it maps them all.</summary>
                public RouteEndpoint? ToEndpoint(int order, string[] known)
                {
                    var unmapped = new List<string>();
                    foreach (var method in known)
                    {
                        if (!_methods.Contains(method))
                        {
                            unmapped.Add(method);
                        }
                    }

                    if (AcceptsPreflights)
                    {
                        foreach (var method in _preflightsOnly)
                        {
                            if (!unmapped.Contains(method))
                            {
                                unmapped.Add(method);
                            }
                        }
                    }

                    if (unmapped.Count == 0)
                    {
                        return null;
                    }

                    // What routing's own 405 would say: the methods the pattern maps.
                    var mapped = new List<string>(_methods);
                    mapped.Sort(StringComparer.OrdinalIgnoreCase);
                    var allow = string.Join(", ", mapped);
                    var metadata = new List<object>
                    {
                        Policy!,
                        new HttpMethodMetadata(unmapped, acceptCorsPreflight: AcceptsPreflights),
                        PathEndpointMetadata.Instance,
                        new SuppressLinkGenerationMetadata(),
                        new ExcludeFromDescriptionAttribute(),
                    };
                    if (_hosts is not null)
                    {
                        metadata.Add(_hosts);
                    }

                    if (_logger is not null)
                    {
                        metadata.Add(_logger);
                    }

                    return new RouteEndpoint(
                        context =>
                        {
                            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                            context.Response.Headers.Allow = allow;
                            return Task.CompletedTask;
                        },
                        Route.RoutePattern,
                        order,
                        new EndpointMetadataCollection(metadata),
                        "CorsGen path of " + (Route.RoutePattern.RawText ?? Route.DisplayName));
                }
            }
            """;

        /// <summary>The CorsGen logger of an application and of an endpoint.</summary>
        // EndpointLogger exists because HttpContext.RequestServices creates the request's service scope: about 300 B
        // measured on a rejected request (AllocationTests, PolicyBenchmarks).
        private const string LoggerLookup = """
            /// <summary>The category of every log message CorsGen writes.</summary>
            internal const string LogCategory = "CorsGen.KongCors";

            /// <summary>
            /// The CorsGen logger of the application that owns <paramref name="services"/>. The logger of the last factory
            /// seen is kept, so a rejected request resolves the factory but does not take the factory's lock to create a
            /// logger again; a second application (another factory) simply replaces the cached pair.
            /// </summary>
            private static ILogger? Logger(IServiceProvider? services)
            {
                if (services?.GetService(typeof(ILoggerFactory)) is not ILoggerFactory factory)
                {
                    return null;
                }

                var cached = s_logger;
                if (cached is not null && ReferenceEquals(cached.Factory, factory))
                {
                    return cached.Logger;
                }

                cached = new CachedLogger(factory, factory.CreateLogger(LogCategory));
                s_logger = cached;
                return cached.Logger;
            }

            private static CachedLogger? s_logger;

            private sealed class CachedLogger
            {
                public CachedLogger(ILoggerFactory factory, ILogger logger)
                {
                    Factory = factory;
                    Logger = logger;
                }

                public ILoggerFactory Factory { get; }

                public ILogger Logger { get; }
            }

            /// <summary>
            /// The CorsGen logger of the application that built an endpoint, kept in the endpoint's metadata: a rejected
            /// request finds it there instead of asking <c>HttpContext.RequestServices</c>, which would create the request's
            /// service scope on a request that otherwise needs none.
            /// </summary>
            internal sealed class EndpointLogger
            {
                public EndpointLogger(ILogger logger) => Logger = logger;

                public ILogger Logger { get; }
            }

            private static EndpointLogger? FindEndpointLogger(IList<object> metadata)
            {
                foreach (var item in metadata)
                {
                    if (item is EndpointLogger logger)
                    {
                        return logger;
                    }
                }

                return null;
            }
            """;

        /// <summary>Metrics and the Development explanation of refused origins.</summary>
        private const string Observation = """
            /// <summary>
            /// What an application's CorsGen reports beyond its headers: the <c>corsgen.requests</c> counter of the meter
            /// <c>CorsGen</c>, made with the application's IMeterFactory as ASP.NET Core makes its own, and, in Development (or
            /// wherever <c>CorsGen:ExplainRejections</c> is true; false turns it off), the explanation of each refused origin:
            /// a <c>CorsGen-Reason</c> response header and one Information line per policy and origin.
            /// </summary>
            internal sealed class KongCorsDiagnostics
            {
                /// <summary>At most this many (policy, origin) pairs are logged per application, so the memory stays bounded.</summary>
                internal const int MaxExplained = 1000;

                private readonly ConcurrentDictionary<string, bool> _explained = new(StringComparer.Ordinal);

                public KongCorsDiagnostics(Counter<long>? requests, ILogger? logger, bool explain)
                {
                    Requests = requests;
                    Logger = logger;
                    Explain = explain;
                }

                public Counter<long>? Requests { get; }

                public ILogger? Logger { get; }

                public bool Explain { get; }

                /// <summary>Whether a request must be looked at: somebody listens to the counter, or rejections are explained.</summary>
                public bool Observing => Explain || (Requests is { } requests && requests.Enabled);

                /// <summary>Whether this (policy, origin) is logged for the first time, within <see cref="MaxExplained"/>.</summary>
                public bool FirstExplanation(string key) => _explained.Count < MaxExplained && _explained.TryAdd(key, true);
            }

            /// <summary>The response header that explains, in Development, why a request's origin was refused.</summary>
            internal const string ReasonHeader = "CorsGen-Reason";

            private static readonly ConditionalWeakTable<IServiceProvider, KongCorsDiagnostics> s_diagnostics = new();

            /// <summary>The diagnostics of the application that owns <paramref name="services"/>, made once (startup only).</summary>
            internal static KongCorsDiagnostics? DiagnosticsOf(IServiceProvider? services) =>
                services is null ? null : s_diagnostics.GetValue(services, CreateDiagnostics);

            private static KongCorsDiagnostics CreateDiagnostics(IServiceProvider services)
            {
                Counter<long>? requests = null;
                if (services.GetService(typeof(IMeterFactory)) is IMeterFactory meters)
                {
                    requests = meters.Create(KongCorsMetrics.MeterName).CreateCounter<long>(
                        KongCorsMetrics.RequestsCounter, "{request}", "Requests a CorsGen policy handled, by policy and result.");
                }

                // Explicit configuration wins both ways; otherwise Development explains and every other environment does not.
                var configured = (services.GetService(typeof(IConfiguration)) as IConfiguration)?["CorsGen:ExplainRejections"];
                var explain = bool.TryParse(configured, out var optedIn)
                    ? optedIn
                    : services.GetService(typeof(IHostEnvironment)) is IHostEnvironment environment && environment.IsDevelopment();
                return new KongCorsDiagnostics(requests, Logger(services), explain);
            }

            /// <summary>
            /// Counts a request a policy handles (<c>corsgen.requests</c>, tagged with the policy and the result, never the
            /// origin) and explains a refused origin where the application explains them. Nothing else runs, and nothing is
            /// allocated, unless somebody listens to the counter or explanations are on.
            /// </summary>
            internal static void Observe(KongCorsDiagnostics? diagnostics, object policy, HttpContext httpContext, bool preflight, string? requestOrigin)
            {
                if (diagnostics is null || !diagnostics.Observing || policy is not IKongCorsPolicyDiagnostics info)
                {
                    return;
                }

                requestOrigin ??= First(httpContext.Request.Headers.Origin);
                var result = preflight && info.PreflightContinue ? KongCorsMetrics.PreflightContinued : info.ResultOf(requestOrigin);
                if (diagnostics.Requests is { Enabled: true } requests)
                {
                    requests.Add(
                        1,
                        new KeyValuePair<string, object?>(KongCorsMetrics.PolicyTag, info.PolicyName),
                        new KeyValuePair<string, object?>(KongCorsMetrics.ResultTag, result));
                }

                if (diagnostics.Explain && result is KongCorsMetrics.OriginNotAllowed or KongCorsMetrics.OriginInvalid)
                {
                    Explain(diagnostics, info, httpContext, preflight, requestOrigin!);
                }
            }

            /// <summary>
            /// Development: the policy's own sentence for the refusal (its Evaluate, which quotes an origin only when D4 lets
            /// it be reflected) in the <c>CorsGen-Reason</c> header, which DevTools shows even when the browser blocks the
            /// response, and in the log once per policy and origin.
            /// </summary>
            private static void Explain(KongCorsDiagnostics diagnostics, IKongCorsPolicyDiagnostics policy, HttpContext httpContext, bool preflight, string requestOrigin)
            {
                var request = httpContext.Request;
                var decision = policy.Evaluate(
                    request.Method,
                    requestOrigin,
                    preflight ? First(request.Headers.AccessControlRequestMethod) ?? "" : null,
                    First(request.Headers.AccessControlRequestHeaders),
                    requestPrivateNetwork: false);
                var sentence = decision.ToString();
                var header = HeaderValue(sentence);
                if (preflight)
                {
                    // The answer is written before the response starts; it clears no header.
                    httpContext.Response.Headers[ReasonHeader] = header;
                }
                else
                {
                    // When the response starts, as the CORS headers: an exception handler's 500 keeps it too.
                    httpContext.Response.OnStarting(
                        static state =>
                        {
                            var (context, value) = ((HttpContext, string))state;
                            context.Response.Headers[ReasonHeader] = value;
                            return Task.CompletedTask;
                        },
                        (httpContext, header));
                }

                var origin = ValidOrigin(requestOrigin) ?? "(" + requestOrigin.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars, not visible ASCII)";
                if (diagnostics.Logger is { } logger && diagnostics.FirstExplanation(policy.PolicyName + "\n" + origin))
                {
                    s_rejectionExplained(logger, sentence, null);
                }
            }

            /// <summary>A header value: the sentence with anything but visible ASCII and spaces as '?'.</summary>
            private static string HeaderValue(string sentence)
            {
                var chars = sentence.ToCharArray();
                for (var i = 0; i < chars.Length; i++)
                {
                    if (chars[i] is < ' ' or > '~')
                    {
                        chars[i] = '?';
                    }
                }

                return new string(chars);
            }

            private static readonly Action<ILogger, string, Exception?> s_rejectionExplained =
                LoggerMessage.Define<string>(
                    LogLevel.Information,
                    new EventId(8, "RejectionExplained"),
                    "{Explanation}");
            """;

        /// <summary>The log messages: rejected origins at Debug, startup findings at Warning and Error.</summary>
        private const string LogMessages = """
            /// <summary>
            /// Logs, at Debug level, why a request with an Origin got no Access-Control-Allow-Origin. Costs nothing on allowed
            /// requests; allocates nothing when Debug is off. An invalid Origin is logged by its length only (D4: never
            /// write request garbage into a log line). The logger is the one the caller holds (the endpoint filter finds
            /// it when it is built), else the endpoint's metadata's; only a request with no CorsGen endpoint (the
            /// middleware's default policy on a 404) resolves it from the request's services.
            /// </summary>
            internal static void LogNoAllowOrigin(HttpContext httpContext, ILogger? logger, string policyName, string requestOrigin, bool valid)
            {
                logger ??= httpContext.GetEndpoint()?.Metadata.GetMetadata<EndpointLogger>()?.Logger
                    ?? Logger(httpContext.RequestServices);
                if (logger is null || !logger.IsEnabled(LogLevel.Debug))
                {
                    return;
                }

                if (valid)
                {
                    s_originNotAllowed(logger, policyName, requestOrigin, null);
                }
                else
                {
                    s_originInvalid(logger, policyName, requestOrigin.Length, null);
                }
            }

            private static readonly Action<ILogger, string, string, Exception?> s_originNotAllowed =
                LoggerMessage.Define<string, string>(
                    LogLevel.Debug,
                    new EventId(1, "OriginNotAllowed"),
                    "CORS policy {Policy}: origin {Origin} matches no entry; no Access-Control-Allow-Origin sent (O10).");

            private static readonly Action<ILogger, string, int, Exception?> s_originInvalid =
                LoggerMessage.Define<string, int>(
                    LogLevel.Debug,
                    new EventId(2, "OriginInvalid"),
                    "CORS policy {Policy}: the Origin header ({Length} chars) is not visible ASCII of at most 4096 chars; treated as absent (D4).");

            private static readonly Action<ILogger, string?, string, Exception?> s_middlewareMissing =
                LoggerMessage.Define<string?, string>(
                    LogLevel.Warning,
                    new EventId(3, "MiddlewareMissing"),
                    "Endpoint '{Endpoint}' has CORS policy {Policy} and requires authorization, but app.UseKongCors() is not in the pipeline: its preflights get 401 and its 401/403 responses carry no CORS headers. Call app.UseKongCors() after routing and before UseAuthentication().");

            private static readonly Action<ILogger, string?, string, Exception?> s_pathsNeedMiddleware =
                LoggerMessage.Define<string?, string>(
                    LogLevel.Warning,
                    new EventId(5, "PathPreflightsNeedMiddleware"),
                    "Endpoint '{Endpoint}' has CORS policy {Policy} and is mapped for some methods only, but app.UseKongCors() is not in the pipeline: a preflight for another method gets 404 instead of the policy's answer (R4), and a 405 carries no CORS headers. Call app.UseKongCors() after routing and before UseAuthentication(). (Said once per application.)");

            private static readonly Action<ILogger, string, string, string, Exception?> s_pathPolicyTie =
                LoggerMessage.Define<string, string, string>(
                    LogLevel.Warning,
                    new EventId(6, "PathPolicyTie"),
                    "Route pattern '{Pattern}' has endpoints with two CORS policies of the same order, {Policy} and {Other}: a preflight for a method none of them maps is answered by the first (R4). Give those endpoints one policy, or different orders.");

            private static readonly Action<ILogger, string?, string, Exception?> s_attributeNeedsMiddleware =
                LoggerMessage.Define<string?, string>(
                    LogLevel.Error,
                    new EventId(7, "AttributeNeedsMiddleware"),
                    "Endpoint '{Endpoint}' has CORS policy {Policy} from its attribute, but app.UseKongCors() is not in the pipeline: an attribute cannot add the endpoint filter that With...() adds, so this endpoint gets no CORS headers and its preflights are not answered. Call app.UseKongCors() after routing and before UseAuthentication().");

            private static readonly Action<ILogger, string?, string, string, Exception?> s_duplicateMechanisms =
                LoggerMessage.Define<string?, string, string>(
                    LogLevel.Error,
                    new EventId(4, "DuplicateCorsMechanisms"),
                    "Endpoint '{Endpoint}' has two CORS mechanisms: CORS policy {Policy} and {Other}. Keep one: of two CorsGen policies only the one applied last runs, and ASP.NET Core's CORS runs beside CorsGen's.");
            """;
    }
}
