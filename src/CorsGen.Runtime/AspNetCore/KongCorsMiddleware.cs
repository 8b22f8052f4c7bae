using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CorsGen
{
    /// <summary>The middleware behind <c>UseKongCors()</c>.</summary>
    internal sealed class KongCorsMiddleware
    {
        /// <summary>The key ASP.NET Core's endpoint middleware looks for before it runs an endpoint with CORS metadata.</summary>
        private const string CorsMiddlewareInvokedKey = "__CorsMiddlewareWithEndpointInvoked";

        private readonly RequestDelegate _next;
        private readonly KongCorsPolicy? _defaultPolicy;
        private readonly IServiceProvider _services;
        private readonly KongCorsRuntime.KongCorsDiagnostics? _diagnostics;

        public KongCorsMiddleware(RequestDelegate next, KongCorsPolicy? defaultPolicy, IServiceProvider services)
        {
            _next = next;
            _services = services;

            // A policy whose origins come from configuration reads and checks them now, for this application.
            _defaultPolicy = defaultPolicy?.ForApplication(services);
            _diagnostics = KongCorsRuntime.DiagnosticsOf(services);
        }

        public Task InvokeAsync(HttpContext context)
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is not null)
            {
                var policy = KongCorsRuntime.FindPolicy(endpoint.Metadata, out var fromAttribute);

                // The endpoint's own policy, applied with WithKongCors(...) or its attribute. A convention's endpoints
                // that opted out lost the policy when they were built; an attribute's may carry a closer
                // [DisableCors] (an action's, under its controller's [ShopCors]).
                var optedOut = fromAttribute && KongCorsRuntime.IsOptedOut(endpoint.Metadata);
                if (policy is not null && !optedOut)
                {
                    // The application's own instance of a policy whose origins come from configuration (its attribute
                    // or the path endpoints name the policy itself); any other policy is its own.
                    policy = policy.ForApplication(_services);
                    Observe(context, policy);
                    return KongCorsRuntime.Invoke(policy, context, _next);
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

            Observe(context, _defaultPolicy);
            return KongCorsRuntime.Invoke(_defaultPolicy, context, _next);
        }

        private void Observe(HttpContext context, KongCorsPolicy policy)
        {
            if (_diagnostics is { Observing: true } diagnostics)
            {
                var preflight = KongCorsRuntime.IsPreflight(context.Request, out var requestOrigin);
                KongCorsRuntime.Observe(diagnostics, policy, context, preflight, requestOrigin);
            }
        }
    }
}
