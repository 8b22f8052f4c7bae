using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
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

        /// <summary>
        /// Logs, at Debug level, why a request with an Origin got no Access-Control-Allow-Origin. Costs nothing on allowed
        /// requests; allocates nothing when Debug is off. An invalid Origin is logged by its length only (D4: never
        /// write request garbage into a log line). The logger is the one the caller holds (the endpoint filter finds
        /// it when it is built), else the endpoint's metadata's; only a request with no CorsGen endpoint (the
        /// middleware's default policy on a 404) resolves it from the request's services.
        /// </summary>
        public static void LogNoAllowOrigin(HttpContext httpContext, ILogger? logger, string policyName, string requestOrigin, bool valid)
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
    }
}
