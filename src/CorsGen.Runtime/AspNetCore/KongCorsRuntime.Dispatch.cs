using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
        /// <summary>The policy's work for one request, as a middleware: answers a preflight or decorates the response.</summary>
        internal static Task Invoke(KongCorsPolicy policy, HttpContext httpContext, RequestDelegate next)
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
            KongCorsPolicy policy,
            EndpointFilterDelegate next)
        {
            if (IsMiddlewareRegistered(endpoint.ApplicationServices) || IsOptedOut(endpoint.Metadata) || !SamePolicy(FindPolicy(endpoint.Metadata, out _), policy))
            {
                return next;
            }

            // The application's CorsGen logger, found once here rather than on every rejected preflight.
            var logger = Logger(endpoint.ApplicationServices);
            var diagnostics = DiagnosticsOf(endpoint.ApplicationServices);
            return context =>
            {
                var httpContext = context.HttpContext;
                if (IsPreflight(httpContext.Request, out var requestOrigin))
                {
                    Observe(diagnostics, policy, httpContext, preflight: true, requestOrigin);
                    if (policy.PreflightContinue)
                    {
                        // P7: the preflight goes on to the application, with no CORS headers from this policy.
                        return next(context);
                    }

                    // P1: the preflight is answered here; the endpoint's handler never runs.
                    policy.WritePreflightAnswer(httpContext, requestOrigin, logger);
                    return new ValueTask<object?>(Results.Empty);
                }

                Observe(diagnostics, policy, httpContext, preflight: false, null);
                StartDecorating(policy, httpContext);
                return next(context);
            };
        }

        /// <summary>
        /// A1, A2: every response that is not an answered preflight gets the headers when it starts, whoever writes it:
        /// the handler, an error result, a later filter, authentication, or the exception handler (which clears
        /// headers but not OnStarting callbacks).
        /// </summary>
        private static void StartDecorating(KongCorsPolicy policy, HttpContext httpContext)
        {
            var response = httpContext.Response;
            if (!response.HasStarted)
            {
                response.OnStarting(policy.ApplyResponseHeadersOnStarting, httpContext);
            }
        }
    }
}
