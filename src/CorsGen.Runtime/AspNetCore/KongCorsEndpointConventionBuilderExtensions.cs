using System;
using CorsGen;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder
{
    /// <summary><c>WithKongCors(policy)</c>: applies a CorsGen policy to endpoints.</summary>
    public static class KongCorsEndpointConventionBuilderExtensions
    {
        /// <summary>
        /// Applies <paramref name="policy"/> (<c>ShopCors.Policy</c>, a <c>[KongCors]</c> class's compiled policy) to the
        /// endpoints of <paramref name="builder"/>, a route group or a single endpoint, anywhere in a fluent chain: the
        /// policy as endpoint metadata, and an endpoint filter that answers preflights and adds the CORS headers to every
        /// other response (left out when <c>app.UseKongCors()</c> does that work before authentication). Endpoints mapped
        /// for some methods only (<c>MapGet</c>, <c>MapPost</c>...) also accept the CORS preflight of those methods, so it
        /// reaches the policy instead of getting 405 (unless the policy lets preflights continue, P7). Apply it before
        /// other endpoint filters, so a preflight is answered before they run. A policy whose origins come from
        /// configuration reads and checks them here for a group, so bad configuration stops the application where it maps
        /// its endpoints.
        /// </summary>
        /// <typeparam name="TBuilder">The builder's type, kept for chaining (and for the Request Delegate Generator).</typeparam>
        /// <param name="builder">A route group or an endpoint.</param>
        /// <param name="policy">The policy to apply.</param>
        /// <returns><paramref name="builder"/>, for chaining.</returns>
        public static TBuilder WithKongCors<TBuilder>(this TBuilder builder, KongCorsPolicy policy)
            where TBuilder : IEndpointConventionBuilder
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(policy);
            if (builder is IEndpointRouteBuilder routes)
            {
                policy.ForApplication(routes.ServiceProvider);
            }

            builder.Add(endpoint =>
            {
                // The application's own instance of the policy (one that holds the origins read from its configuration).
                var own = policy.ForApplication(endpoint.ApplicationServices);
                endpoint.Metadata.Add(own);
                endpoint.FilterFactories.Add((_, next) => KongCorsRuntime.CreateFilter(endpoint, own, next));
            });

            // Runs once the endpoint's metadata is complete: preflight routing and the checks logged at startup.
            KongCorsRuntime.AddFinishConvention(builder, policy);
            return builder;
        }
    }
}
