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

        /// <summary>
        /// Reads and checks, as the application starts, the configured origins of every policy its endpoints use: building
        /// the endpoints runs each WithKongCors(...) convention, which reads its application's origins, and a policy named
        /// by an attribute is read here. A bad entry stops the application with a KongCorsConfigurationException (the key,
        /// each entry's index and the analyzer's message) instead of failing its first request.
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
            catch (Exception e) when (e is not Runtime.KongCorsConfigurationException)
            {
                // An endpoint that cannot be built for another reason fails the first request with the application's
                // own error, as without this check.
                return;
            }

            foreach (var endpoint in endpoints)
            {
                FindPolicy(endpoint.Metadata, out _)?.ForApplication(services);
            }
        }
    }
}
