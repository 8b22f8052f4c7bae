using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CorsGen
{
    /// <summary>
    /// One compiled CORS policy: what CorsGen generates for a <c>[KongCors]</c> class, as its <c>Policy</c> property
    /// (<c>ShopCors.Policy</c>). The one object of a policy: the endpoint metadata <c>WithKongCors(ShopCors.Policy)</c> adds,
    /// what <c>[ShopCors]</c> points at, what <c>app.UseKongCors()</c> finds on an endpoint, and what <see cref="Evaluate(string, string?, string?, string?)"/>
    /// and the <c>corsgen.requests</c> metric answer from. Its request path is generated at build time for the policy's
    /// settings; this class holds what every policy shares. Only CorsGen's generator derives from it.
    /// </summary>
    public abstract class KongCorsPolicy
    {
        /// <summary>A1-A4: the OnStarting callback of this policy, made once so the request path allocates nothing.</summary>
        private readonly Func<object, Task> _applyResponseHeadersOnStarting;

        /// <summary>The instances of a configured policy's identity, one per application (its configuration); else null.</summary>
        private readonly ConditionalWeakTable<IConfiguration, KongCorsPolicy>? _applications;

        /// <summary>For an application's instance of a configured policy, the policy's identity; else null.</summary>
        private KongCorsPolicy? _identity;

        /// <summary>Made by generated code, once per policy (and once per application for configured origins).</summary>
        /// <param name="name">The policy class's full name.</param>
        /// <param name="preflightContinue">P7: preflights are not answered but continue to the application.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected KongCorsPolicy(string name, bool preflightContinue)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            PreflightContinue = preflightContinue;
            _applyResponseHeadersOnStarting = state =>
            {
                ApplyResponseHeaders((HttpContext)state);
                return Task.CompletedTask;
            };
        }

        /// <summary>
        /// Made by generated code for the identity of a policy whose origins come from configuration, under
        /// <paramref name="configurationKey"/>; each application gets its own instance (<see cref="ForApplication"/>).
        /// </summary>
        /// <param name="name">The policy class's full name.</param>
        /// <param name="preflightContinue">P7: preflights are not answered but continue to the application.</param>
        /// <param name="configurationKey">The configuration key of its origin entries.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected KongCorsPolicy(string name, bool preflightContinue, string configurationKey)
            : this(name, preflightContinue)
        {
            ConfigurationKey = configurationKey ?? throw new ArgumentNullException(nameof(configurationKey));
            _applications = new ConditionalWeakTable<IConfiguration, KongCorsPolicy>();
        }

        /// <summary>The policy class's full name (<c>Shop.ShopCors</c>), as metrics and log messages name it.</summary>
        public string Name { get; }

        /// <summary>Whether the policy lets preflights continue to the application (Kong's <c>preflight_continue</c>, P7).</summary>
        public bool PreflightContinue { get; }

        /// <summary>
        /// The Access-Control-Allow-Origin value this policy sends for a request with the given <c>Origin</c>, or
        /// <see langword="null"/> when it sends none (Kong rules O1-O10, C3). For a policy whose origins come from
        /// configuration, the origins of the application this instance serves (the attribute's alone for the policy's
        /// identity, <c>ShopCors.Policy</c>).
        /// </summary>
        /// <param name="requestOrigin">The request's <c>Origin</c> header (its first value), or <see langword="null"/> when absent.</param>
        /// <returns>The header's value, or <see langword="null"/>.</returns>
        public abstract string? GetAllowOrigin(string? requestOrigin);

        /// <summary>
        /// This policy's whole answer to a request with these headers, without an <c>HttpContext</c>: whether it is a
        /// preflight, whether the origin is allowed, the first origin entry that matched, the rule that decided and the
        /// exact CORS response headers, in order.
        /// </summary>
        /// <param name="method">The request's method (<c>OPTIONS</c> for a preflight).</param>
        /// <param name="origin">Its <c>Origin</c> header, or <see langword="null"/> when absent.</param>
        /// <param name="requestMethod">Its <c>Access-Control-Request-Method</c>, or <see langword="null"/> when absent (then it is no preflight).</param>
        /// <param name="requestHeaders">Its <c>Access-Control-Request-Headers</c>, or <see langword="null"/>.</param>
        /// <returns>The decision; its <c>ToString()</c> explains it.</returns>
        public KongCorsDecision Evaluate(string method, string? origin, string? requestMethod = null, string? requestHeaders = null) =>
            Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork: false);

        /// <summary>As the other <c>Evaluate</c>, for a request that may ask for private network access (P5).</summary>
        /// <param name="method">The request's method (<c>OPTIONS</c> for a preflight).</param>
        /// <param name="origin">Its <c>Origin</c> header, or <see langword="null"/> when absent.</param>
        /// <param name="requestMethod">Its <c>Access-Control-Request-Method</c>, or <see langword="null"/> when absent.</param>
        /// <param name="requestHeaders">Its <c>Access-Control-Request-Headers</c>, or <see langword="null"/>.</param>
        /// <param name="requestPrivateNetwork">Whether it sends <c>Access-Control-Request-Private-Network: true</c>.</param>
        /// <returns>The decision; its <c>ToString()</c> explains it.</returns>
        public abstract KongCorsDecision Evaluate(string method, string? origin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork);

        /// <inheritdoc/>
        public override string ToString() => "[KongCors] " + Name;

        /// <summary>
        /// P1-P6: answers a preflight (never called when <see cref="PreflightContinue"/>) whose Origin the caller has read;
        /// <paramref name="logger"/> is the endpoint's, when the caller holds it, so a rejected preflight need not look it up.
        /// </summary>
        /// <param name="httpContext">The preflight.</param>
        /// <param name="requestOrigin">Its Origin (the first value), which made it a preflight (R1).</param>
        /// <param name="logger">The endpoint's CorsGen logger, or <see langword="null"/>.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal abstract void WritePreflightAnswer(HttpContext httpContext, string requestOrigin, ILogger? logger);

        /// <summary>
        /// A1-A4: the headers of every response that is not an answered preflight: actual requests, OPTIONS requests
        /// that are not preflights, and error responses. Called when the response starts.
        /// </summary>
        /// <param name="httpContext">The request whose response starts.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal abstract void ApplyResponseHeaders(HttpContext httpContext);

        /// <summary>
        /// The <see cref="KongCorsMetrics.ResultTag"/> of a request with this Origin (its first value, or null):
        /// <see cref="KongCorsMetrics.Allowed"/>, <see cref="KongCorsMetrics.OriginNotAllowed"/>,
        /// <see cref="KongCorsMetrics.OriginInvalid"/> or <see cref="KongCorsMetrics.NoOrigin"/>. Allocates nothing.
        /// </summary>
        /// <param name="requestOrigin">The request's Origin, or <see langword="null"/>.</param>
        /// <returns>One of the <see cref="KongCorsMetrics"/> results.</returns>
        internal string ResultOf(string? requestOrigin)
        {
            if (KongCorsRules.ValidOrigin(requestOrigin) is not { } origin)
            {
                return string.IsNullOrEmpty(requestOrigin) ? KongCorsMetrics.NoOrigin : KongCorsMetrics.OriginInvalid;
            }

            // Allowed as a browser sees it: '*' or the origin itself (O3 and O8 can send another).
            var allowOrigin = GetAllowOrigin(origin);
            return allowOrigin == "*" || allowOrigin == origin ? KongCorsMetrics.Allowed : KongCorsMetrics.OriginNotAllowed;
        }

        /// <summary>
        /// The policy as it serves the application whose services are given: itself, unless its origins come from
        /// configuration (<c>OriginsFromConfiguration</c>); then the application's own instance, whose origins are the
        /// attribute's followed by those under <see cref="ConfigurationKey"/>, read and checked once per application. A bad
        /// entry, a <c>*</c> with credentials or an empty combined list throws
        /// <see cref="Runtime.KongCorsConfigurationException"/>, naming the key, each bad entry's index and the analyzer's
        /// message.
        /// </summary>
        /// <param name="services">The application's services (<c>app.Services</c>, <c>EndpointBuilder.ApplicationServices</c>).</param>
        /// <returns>The instance that serves that application.</returns>
        public KongCorsPolicy ForApplication(IServiceProvider? services)
        {
            if (_applications is null)
            {
                return this;
            }

            var configuration = services?.GetService(typeof(IConfiguration)) as IConfiguration
                ?? throw new InvalidOperationException($"CORS policy {Name} reads its origins from configuration, but the application's services have no IConfiguration.");
            if (_applications.TryGetValue(configuration, out var policy))
            {
                return policy;
            }

            // Once per application: its warnings are logged once, and a failure is thrown again on every call.
            lock (_applications)
            {
                if (!_applications.TryGetValue(configuration, out policy))
                {
                    policy = CreateForApplication(configuration, services!);
                    policy._identity = this;
                    _applications.Add(configuration, policy);
                }
            }

            return policy;
        }

        /// <summary>
        /// The configuration key whose origin entries follow the attribute's (<c>OriginsFromConfiguration</c>), or
        /// <see langword="null"/> when every origin is fixed at build time.
        /// </summary>
        public string? ConfigurationKey { get; }

        /// <summary>
        /// A policy with <c>OriginsFromConfiguration</c>: its instance for one application, with the origins read from the
        /// application's configuration and checked (generated code reads them with the analyzer's own rules).
        /// </summary>
        /// <param name="configuration">The application's configuration.</param>
        /// <param name="services">The application's services.</param>
        /// <returns>The application's instance.</returns>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected virtual KongCorsPolicy CreateForApplication(IConfiguration configuration, IServiceProvider services) =>
            throw new NotSupportedException($"CORS policy {Name} has no origins from configuration.");

        /// <summary>The policy's identity (<c>ShopCors.Policy</c>), whichever application's instance this is.</summary>
        internal KongCorsPolicy Identity => _identity ?? this;

        /// <summary>The OnStarting callback that adds <see cref="ApplyResponseHeaders"/> (state: the HttpContext).</summary>
        internal Func<object, Task> ApplyResponseHeadersOnStarting => _applyResponseHeadersOnStarting;
    }
}
