using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
        /// <summary>
        /// The <c>Finally</c> convention of a policy, once its endpoint's metadata is complete: lets preflights reach an
        /// endpoint mapped for some methods only, and reports at startup what would make the policy fail.
        /// </summary>
        /// <summary>
        /// Adds <see cref="FinishEndpoint"/> as a <c>Finally</c> convention, which runs once the endpoint's metadata is
        /// complete; as an ordinary convention on builders that do not implement <c>Finally</c> (YARP's
        /// <c>MapReverseProxy()</c> leaves it to the interface's default, which throws).
        /// </summary>
        internal static void AddFinishConvention(IEndpointConventionBuilder builder, KongCorsPolicy policy)
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

        internal static void FinishEndpoint(EndpointBuilder endpoint, KongCorsPolicy policy)
        {
            if (IsOptedOut(endpoint.Metadata))
            {
                OptOut(endpoint);
                return;
            }

            if (!SamePolicy(FindPolicy(endpoint.Metadata, out _), policy))
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
                    s_duplicateMechanisms(logger, endpoint.DisplayName, policy.Name, "ASP.NET Core CORS (" + item.GetType().Name + ")", null);
                }
                else if (item is KongCorsPolicy other && !SamePolicy(other, policy) && FirstReport(endpoint, other.Name))
                {
                    s_duplicateMechanisms(logger, endpoint.DisplayName, policy.Name, other.Name, null);
                }
            }

            if (!IsMiddlewareRegistered(endpoint.ApplicationServices) && RequiresAuthorization(endpoint.Metadata) && FirstReport(endpoint, "authorization"))
            {
                s_middlewareMissing(logger, endpoint.DisplayName, policy.Name, null);
            }

            // R4 needs UseKongCors(): without it, a preflight for a method no endpoint of the path maps gets 404. Said once
            // per application, on its first endpoint mapped for some methods only.
            if (!policy.PreflightContinue
                && !IsMiddlewareRegistered(endpoint.ApplicationServices)
                && MethodMetadata(endpoint.Metadata) is { HttpMethods.Count: > 0 }
                && endpoint.ApplicationServices is { } services
                && s_reported.GetOrCreateValue(services).TryAdd("R4", true))
            {
                s_pathsNeedMiddleware(logger, endpoint.DisplayName, policy.Name, null);
            }
        }

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
        /// <c>With...()</c> convention ranks below attributes, as in <see cref="FindPolicy(IList{object}, out bool)"/>): the
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

                if (metadata[i] is KongCorsPolicyAttribute)
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
                if (item is KongCorsPolicy or KongCorsPolicyAttribute || (!keepAttribute && item is IDisableCorsAttribute))
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
    }
}
