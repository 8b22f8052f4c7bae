using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
        /// <summary>
        /// The checks of the application's endpoints once its pipeline is built, run by the startup check its assembly names,
        /// over one read of the endpoints (reading a minimal-API source builds its endpoints again):
        /// <list type="bullet">
        /// <item>with <paramref name="readConfiguredOrigins"/>, the configured origins of every policy the endpoints use are
        /// read and checked (building the endpoints runs each WithKongCors(...) convention, which reads its application's
        /// origins; a policy named by an attribute is read here). A bad entry stops the application with a
        /// KongCorsConfigurationException (the key, each entry's index and the analyzer's message) instead of failing its
        /// first request.</item>
        /// <item>without UseKongCors(), each endpoint whose closest policy is an attribute (<c>[ShopCors]</c>) is logged at
        /// Error, once per application: an attribute cannot add the endpoint filter WithKongCors(...) adds, so the endpoint
        /// gets no CORS headers at all, and a policy applied by convention to it stands aside for the attribute.</item>
        /// </list>
        /// </summary>
        internal static void CheckEndpoints(IServiceProvider services, bool readConfiguredOrigins)
        {
            var logger = IsMiddlewareRegistered(services) ? null : Logger(services);
            if (logger is not null && !s_reported.GetOrCreateValue(services).TryAdd("attributes", true))
            {
                logger = null;
            }

            if ((!readConfiguredOrigins && logger is null) || services.GetService(typeof(EndpointDataSource)) is not EndpointDataSource source)
            {
                return;
            }

            IReadOnlyList<Endpoint> endpoints;
            try
            {
                endpoints = source.Endpoints;
            }
            catch (Exception e) when (!readConfiguredOrigins || e is not Runtime.KongCorsConfigurationException)
            {
                // An endpoint that cannot be built for another reason fails the first request with the application's own
                // error, as without these checks; a check does not turn it into a startup failure.
                return;
            }

            if (readConfiguredOrigins)
            {
                foreach (var endpoint in endpoints)
                {
                    FindPolicy(endpoint.Metadata, out _)?.ForApplication(services);
                }
            }

            if (logger is null)
            {
                return;
            }

            foreach (var endpoint in endpoints)
            {
                if (FindPolicy(endpoint.Metadata, out var fromAttribute) is { } policy && fromAttribute && !IsOptedOut(endpoint.Metadata))
                {
                    s_attributeNeedsMiddleware(logger, endpoint.DisplayName, policy.Name, null);
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

        /// <summary>The applications (by their services) whose pipeline runs UseKongCors(): their endpoints build no filter.</summary>
        private static readonly ConditionalWeakTable<IServiceProvider, object> s_middlewareApplications = new();

        /// <summary>
        /// Records that the application whose services are <paramref name="applicationServices"/> runs UseKongCors(), under
        /// both objects its endpoints may name: the container (<c>app.ApplicationServices</c>, which minimal APIs pass on)
        /// and its root scope (the <see cref="IServiceProvider"/> the container resolves, which MVC's endpoints carry).
        /// </summary>
        internal static void RegisterMiddleware(IServiceProvider applicationServices)
        {
            s_middlewareApplications.AddOrUpdate(applicationServices, s_middlewareApplications);
            if (applicationServices.GetService(typeof(IServiceProvider)) is IServiceProvider root && !ReferenceEquals(root, applicationServices))
            {
                s_middlewareApplications.AddOrUpdate(root, s_middlewareApplications);
            }
        }

        internal static bool IsMiddlewareRegistered(IServiceProvider? applicationServices) =>
            applicationServices is not null && s_middlewareApplications.TryGetValue(applicationServices, out _);
    }
}
