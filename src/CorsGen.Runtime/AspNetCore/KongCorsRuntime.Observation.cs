using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
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
        internal static void Observe(KongCorsDiagnostics? diagnostics, KongCorsPolicy policy, HttpContext httpContext, bool preflight, string? requestOrigin)
        {
            if (diagnostics is null || !diagnostics.Observing)
            {
                return;
            }

            requestOrigin ??= First(httpContext.Request.Headers.Origin);
            var result = preflight && policy.PreflightContinue ? KongCorsMetrics.PreflightContinued : policy.ResultOf(requestOrigin);
            if (diagnostics.Requests is { Enabled: true } requests)
            {
                requests.Add(
                    1,
                    new KeyValuePair<string, object?>(KongCorsMetrics.PolicyTag, policy.Name),
                    new KeyValuePair<string, object?>(KongCorsMetrics.ResultTag, result));
            }

            if (diagnostics.Explain && result is KongCorsMetrics.OriginNotAllowed or KongCorsMetrics.OriginInvalid)
            {
                Explain(diagnostics, policy, httpContext, preflight, requestOrigin!);
            }
        }

        /// <summary>
        /// Development: the policy's own sentence for the refusal (its Evaluate, which quotes an origin only when D4 lets
        /// it be reflected) in the <c>CorsGen-Reason</c> header, which DevTools shows even when the browser blocks the
        /// response, and in the log once per policy and origin.
        /// </summary>
        private static void Explain(KongCorsDiagnostics diagnostics, KongCorsPolicy policy, HttpContext httpContext, bool preflight, string requestOrigin)
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

            var origin = KongCorsRules.ValidOrigin(requestOrigin) ?? "(" + requestOrigin.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars, not visible ASCII)";
            if (diagnostics.Logger is { } logger && diagnostics.FirstExplanation(policy.Name + "\n" + origin))
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
    }
}
