using System;
using CorsGen;

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>
    /// <c>UseKongCors()</c>: runs CorsGen policies as a middleware, before authentication and authorization, so
    /// preflights to protected endpoints are answered and 401, 403 and exception-handler responses carry CORS headers.
    /// </summary>
    public static class KongCorsApplicationBuilderExtensions
    {
        /// <summary>
        /// Runs the CorsGen policy of each endpoint (applied with <c>WithKongCors(...)</c> or a policy attribute) here,
        /// instead of in the endpoint filter: preflights are answered with 200 and the policy's headers before
        /// authentication (Kong rules P1-P7), and every other response of the endpoint gets the CORS headers (A1-A4),
        /// including those written later by authentication, authorization, the exception handler, status-code pages or a
        /// short-circuiting filter. Place it after routing (implicit with <c>WebApplication</c>, or after
        /// <c>UseRouting()</c>) and before <c>UseAuthentication()</c>/<c>UseAuthorization()</c>; put
        /// <c>UseExceptionHandler()</c> before it. It must run for every request of those endpoints (not in a branch):
        /// their endpoint filters stand aside once it is used.
        /// </summary>
        /// <param name="app">The application.</param>
        /// <returns><paramref name="app"/>, for chaining.</returns>
        public static IApplicationBuilder UseKongCors(this IApplicationBuilder app) =>
            UseKongCorsCore(app, null);

        /// <summary>
        /// As <see cref="UseKongCors(IApplicationBuilder)"/>, and applies <paramref name="defaultPolicy"/> (Kong's global
        /// plugin) to every endpoint that has no CORS policy of its own and to requests that match no endpoint, so a 404
        /// carries CORS headers too. An endpoint's own policy wins, as a route-level plugin wins over a global one in Kong;
        /// an endpoint with ASP.NET Core CORS metadata is left to it.
        /// </summary>
        /// <param name="app">The application.</param>
        /// <param name="defaultPolicy">A policy: <c>app.UseKongCors(GlobalCors.Policy)</c>.</param>
        /// <returns><paramref name="app"/>, for chaining.</returns>
        public static IApplicationBuilder UseKongCors(this IApplicationBuilder app, KongCorsPolicy defaultPolicy)
        {
            ArgumentNullException.ThrowIfNull(defaultPolicy);
            return UseKongCorsCore(app, defaultPolicy);
        }

        private static IApplicationBuilder UseKongCorsCore(IApplicationBuilder app, KongCorsPolicy? defaultPolicy)
        {
            ArgumentNullException.ThrowIfNull(app);
            var services = app.ApplicationServices;
            if (!KongCorsRuntime.IsMiddlewareRegistered(services))
            {
                // R4: once per application, the endpoints that let each policy answer on its paths whatever the method.
                KongCorsRuntime.RegisterMiddleware(services);
                KongCorsRuntime.AddPathEndpoints(app);
            }

            return app.Use(next => new KongCorsMiddleware(next, defaultPolicy, services).InvokeAsync);
        }
    }
}
