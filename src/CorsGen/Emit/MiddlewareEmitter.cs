using CorsGen.Model;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes <c>app.UseKongCors()</c>, once per assembly: a middleware placed after routing and
    /// before authentication that runs each endpoint's CorsGen policy (found through the endpoint's
    /// <c>Metadata</c>, from this assembly or another), and optionally a default policy for every
    /// endpoint without one and for requests that match no endpoint (Kong's global plugin).
    /// </summary>
    internal static class MiddlewareEmitter
    {
        public const string HintName = "CorsGen.KongCorsMiddleware.g.cs";

        public static string Emit(CompilationFacts facts)
        {
            var writer = new SourceWriter();
            writer.FileHeader("app.UseKongCors(), the middleware mode of this assembly's [KongCors] policies");

            // The extension lives where the framework's own Use* extensions do, so no using is needed to find it; like a
            // user's type, it names every type with global::.
            writer.Open("namespace Microsoft.AspNetCore.Builder");
            writer.Lines(ApplicationBuilderExtensions(facts.RuntimeNamespace).Split('\n'));
            writer.Close();
            writer.Line();

            // The middleware itself is file-local, in CorsGen's namespace.
            writer.OpenGeneratedNamespace(facts.RuntimeNamespace, "System", "System.CodeDom.Compiler", "System.Threading.Tasks", "Microsoft.AspNetCore.Cors.Infrastructure", "Microsoft.AspNetCore.Http");
            writer.Lines(WithoutEmptyPlaceholders(Middleware(facts.HasDecision).Split('\n')));
            writer.Close();
            return writer.ToString();
        }

        /// <summary>The template's lines without the blank lines an empty placeholder left (two in a row, or one before a brace).</summary>
        private static string[] WithoutEmptyPlaceholders(string[] lines)
        {
            var kept = new System.Collections.Generic.List<string>(lines.Length);
            for (var i = 0; i < lines.Length; i++)
            {
                var blank = lines[i].Trim().Length == 0;
                var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
                if (blank && (next.Length == 0 || next == "}") && i + 1 < lines.Length)
                {
                    continue;
                }

                kept.Add(blank ? "" : lines[i]);
            }

            return kept.ToArray();
        }

        /// <summary>The two <c>UseKongCors</c> overloads.</summary>
        private static string ApplicationBuilderExtensions(string runtimeNamespace)
        {
            var runtime = "global::" + runtimeNamespace + "." + EmittedNames.Runtime;
            return $$"""
            /// <summary>
            /// <c>UseKongCors()</c>: runs CorsGen policies as a middleware, before authentication and authorization, so
            /// preflights to protected endpoints are answered and 401, 403 and exception-handler responses carry CORS headers.
            /// </summary>
            {{EmittedNames.GlobalGeneratedCodeAttribute}}
            internal static class KongCorsApplicationBuilderExtensions
            {
                /// <summary>
                /// Runs the CorsGen policy of each endpoint (applied with <c>With&lt;Policy&gt;()</c>) here, instead of in the
                /// endpoint filter: preflights are answered with 200 and the policy's headers before authentication (Kong rules
                /// P1-P7), and every other response of the endpoint gets the CORS headers (A1-A4), including those written later
                /// by authentication, authorization, the exception handler, status-code pages or a short-circuiting filter.
                /// Place it after routing (implicit with <c>WebApplication</c>, or after <c>UseRouting()</c>) and before
                /// <c>UseAuthentication()</c>/<c>UseAuthorization()</c>; put <c>UseExceptionHandler()</c> before it. It must run
                /// for every request of those endpoints (not in a branch): their endpoint filters stand aside once it is used.
                /// </summary>
                /// <returns><paramref name="app"/>, for chaining.</returns>
                public static global::Microsoft.AspNetCore.Builder.IApplicationBuilder UseKongCors(this global::Microsoft.AspNetCore.Builder.IApplicationBuilder app) =>
                    UseKongCorsCore(app, null);

                /// <summary>
                /// As <see cref="UseKongCors(global::Microsoft.AspNetCore.Builder.IApplicationBuilder)"/>, and applies
                /// <paramref name="defaultPolicy"/> (Kong's global plugin) to every endpoint that has no CORS policy of its own and
                /// to requests that match no endpoint, so a 404 carries CORS headers too. An endpoint's own policy wins, as a
                /// route-level plugin wins over a global one in Kong; an endpoint with ASP.NET Core CORS metadata is left to it.
                /// </summary>
                /// <param name="app">The application.</param>
                /// <param name="defaultPolicy">A policy's metadata: <c>app.UseKongCors(GlobalCors.Metadata.Instance)</c>.</param>
                /// <returns><paramref name="app"/>, for chaining.</returns>
                public static global::Microsoft.AspNetCore.Builder.IApplicationBuilder UseKongCors(this global::Microsoft.AspNetCore.Builder.IApplicationBuilder app, global::Microsoft.AspNetCore.Http.IMiddleware defaultPolicy)
                {
                    global::System.ArgumentNullException.ThrowIfNull(defaultPolicy);
                    if (!{{runtime}}.IsKongCorsPolicy(defaultPolicy))
                    {
                        throw new global::System.ArgumentException("Pass the Metadata.Instance of a [KongCors] policy class, e.g. UseKongCors(GlobalCors.Metadata.Instance).", nameof(defaultPolicy));
                    }

                    return UseKongCorsCore(app, defaultPolicy);
                }

                private static global::Microsoft.AspNetCore.Builder.IApplicationBuilder UseKongCorsCore(global::Microsoft.AspNetCore.Builder.IApplicationBuilder app, global::Microsoft.AspNetCore.Http.IMiddleware? defaultPolicy)
                {
                    global::System.ArgumentNullException.ThrowIfNull(app);
                    if (!{{runtime}}.IsMiddlewareRegistered(app.ApplicationServices))
                    {
                        // R4: once per application, the endpoints that let each policy answer on its paths whatever the method.
                        {{runtime}}.RegisterMiddleware(app.ApplicationServices);
                        {{runtime}}.AddPathEndpoints(app);
                    }

                    var services = app.ApplicationServices;
                    return app.Use(next => new global::{{runtimeNamespace}}.KongCorsMiddleware(next, defaultPolicy, services).InvokeAsync);
                }
            }
            """;
        }

        /// <summary>The middleware behind <c>UseKongCors()</c>: the endpoint's policy, else ASP.NET Core's CORS, else the default policy.</summary>
        private static string Middleware(bool observe) => $$"""
            /// <summary>The middleware behind <c>UseKongCors()</c>.</summary>
            {{EmittedNames.GeneratedCodeAttribute}}
            file sealed class KongCorsMiddleware
            {
                /// <summary>The key ASP.NET Core's endpoint middleware looks for before it runs an endpoint with CORS metadata.</summary>
                private const string CorsMiddlewareInvokedKey = "__CorsMiddlewareWithEndpointInvoked";

                private readonly RequestDelegate _next;
                private readonly IMiddleware? _defaultPolicy;
                private readonly IServiceProvider _services;
                {{(observe ? "private readonly " + EmittedNames.Runtime + ".KongCorsDiagnostics? _diagnostics;" : "")}}

                public KongCorsMiddleware(RequestDelegate next, IMiddleware? defaultPolicy, IServiceProvider services)
                {
                    _next = next;
                    _services = services;

                    // A policy whose origins come from configuration reads and checks them now, for this application.
                    _defaultPolicy = defaultPolicy is null ? null : {{EmittedNames.Runtime}}.ForApplication(defaultPolicy, services);
                    {{(observe ? "_diagnostics = " + EmittedNames.Runtime + ".DiagnosticsOf(services);" : "")}}
                }

                public Task InvokeAsync(HttpContext context)
                {
                    var endpoint = context.GetEndpoint();
                    if (endpoint is not null)
                    {
                        var policy = {{EmittedNames.Runtime}}.FindPolicy(endpoint.Metadata);

                        // The endpoint's own policy, applied with With<Policy>() or its attribute. A convention's endpoints
                        // that opted out lost the policy when they were built; an attribute's may carry a closer
                        // [DisableCors] (an action's, under its controller's [ShopCors]).
                        var optedOut = policy is Attribute && {{EmittedNames.Runtime}}.IsOptedOut(endpoint.Metadata);
                        if (policy is not null && !optedOut)
                        {
                            // The application's own instance of a policy whose origins come from configuration (its attribute
                            // or the path endpoints name the policy itself); any other policy is its own.
                            policy = {{EmittedNames.Runtime}}.ForApplication(policy, _services);
                            {{(observe ? "Observe(context, policy);" : "")}}
                            return policy.InvokeAsync(context, _next);
                        }

                        var cors = endpoint.Metadata.GetMetadata<ICorsMetadata>();
                        if (optedOut || cors is IDisableCorsAttribute)
                        {
                            // [DisableCors]: no CORS, not even the default policy. As ASP.NET Core's CORS middleware does, a
                            // preflight gets 204 with no CORS headers (the browser blocks) and never reaches the handler;
                            // anything else is marked as seen by a CORS middleware, so ASP.NET Core does not answer 500.
                            if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey("Access-Control-Request-Method"))
                            {
                                context.Response.StatusCode = StatusCodes.Status204NoContent;
                                return Task.CompletedTask;
                            }

                            context.Items[CorsMiddlewareInvokedKey] = true;
                            return _next(context);
                        }

                        if (cors is not null)
                        {
                            // ASP.NET Core's own CORS (RequireCors, [EnableCors]) owns this endpoint.
                            return _next(context);
                        }
                    }

                    // Kong's global plugin: every endpoint without a policy, and requests that match none (404, 405).
                    if (_defaultPolicy is null)
                    {
                        return _next(context);
                    }

                    {{(observe ? "Observe(context, _defaultPolicy);" : "")}}
                    return _defaultPolicy.InvokeAsync(context, _next);
                }
            {{(observe ? ObserveMethod : "")}}
            }
            """;

        /// <summary>The middleware's part of metrics and explanations: a request is looked at only when someone wants it.</summary>
        private static readonly string ObserveMethod = $$"""

                private void Observe(HttpContext context, IMiddleware policy)
                {
                    if (_diagnostics is { Observing: true } diagnostics)
                    {
                        var preflight = {{EmittedNames.Runtime}}.IsPreflight(context.Request, out var requestOrigin);
                        {{EmittedNames.Runtime}}.Observe(diagnostics, policy, context, preflight, requestOrigin);
                    }
                }
            """;
    }
}
