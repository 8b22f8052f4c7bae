using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsGen
{
    /// <summary>
    /// The HTTP response as the generated request path writes its CORS headers (<see cref="IKongCorsHeaders"/>): a preflight
    /// answer (P1: 200 and an empty body; its Vary is <c>Origin</c> alone, P6) or any other response, whose own Vary and
    /// headers it keeps (A1-A3). A refused origin is logged at Debug. For use by CorsGen's generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct KongCorsResponseHeaders : IKongCorsHeaders
    {
        private readonly HttpContext _httpContext;
        private readonly IHeaderDictionary _headers;
        private readonly ILogger? _logger;
        private readonly string _policyName;
        private readonly bool _preflight;

        /// <summary>Whether an earlier step set response headers: only then can there be an Access-Control-Allow-Origin to remove.</summary>
        private readonly bool _earlierHeaders;

        private KongCorsResponseHeaders(HttpContext httpContext, ILogger? logger, string policyName, bool preflight)
        {
            _httpContext = httpContext;
            _headers = httpContext.Response.Headers;
            _logger = logger;
            _policyName = policyName;
            _preflight = preflight;
            _earlierHeaders = _headers.Count != 0;
        }

        /// <summary>
        /// P1: a preflight answer: 200, whatever status an earlier step (a failed parameter binding) preset, and an empty
        /// body. Kong never rejects a preflight: a disallowed origin only loses Access-Control-Allow-Origin.
        /// </summary>
        /// <param name="httpContext">The preflight.</param>
        /// <param name="logger">The endpoint's CorsGen logger, when the caller holds it; otherwise a refusal looks it up.</param>
        /// <param name="policyName">The policy's name, for the log.</param>
        /// <returns>The answer's headers.</returns>
        public static KongCorsResponseHeaders ForPreflight(HttpContext httpContext, ILogger? logger, string policyName)
        {
            var headers = new KongCorsResponseHeaders(httpContext, logger, policyName, preflight: true);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = 0;
            return headers;
        }

        /// <summary>A1, A2: any other response, actual requests and errors alike, when it starts.</summary>
        /// <param name="httpContext">The request whose response starts.</param>
        /// <param name="policyName">The policy's name, for the log.</param>
        /// <returns>The response's headers.</returns>
        public static KongCorsResponseHeaders ForResponse(HttpContext httpContext, string policyName) =>
            new KongCorsResponseHeaders(httpContext, null, policyName, preflight: false);

        /// <inheritdoc/>
        public string? RequestHeaders => KongCorsRuntime.First(_httpContext.Request.Headers.AccessControlRequestHeaders);

        /// <inheritdoc/>
        public bool RequestsPrivateNetwork => KongCorsRuntime.First(_httpContext.Request.Headers["Access-Control-Request-Private-Network"]) == "true";

        /// <inheritdoc/>
        public void VaryOrigin()
        {
            if (_preflight)
            {
                _headers.Vary = "Origin";
            }
            else
            {
                KongCorsRuntime.AppendVaryOrigin(_headers);
            }
        }

        /// <inheritdoc/>
        public void AllowCredentials() => _headers.AccessControlAllowCredentials = "true";

        /// <inheritdoc/>
        public void AllowOrigin(string value) => _headers.AccessControlAllowOrigin = value;

        /// <inheritdoc/>
        public void RefuseOrigin(string? requestOrigin, bool valid)
        {
            if (!_preflight || _earlierHeaders)
            {
                _headers.Remove("Access-Control-Allow-Origin");
            }

            if (!string.IsNullOrEmpty(requestOrigin))
            {
                KongCorsRuntime.LogNoAllowOrigin(_httpContext, _logger, _policyName, requestOrigin!, valid);
            }
        }

        /// <inheritdoc/>
        public void AllowHeaders(string value) => _headers.AccessControlAllowHeaders = value;

        /// <inheritdoc/>
        public void NoAllowHeaders() => _headers.Remove("Access-Control-Allow-Headers");

        /// <inheritdoc/>
        public void AllowMethods(string value) => _headers.AccessControlAllowMethods = value;

        /// <inheritdoc/>
        public void MaxAge(string value) => _headers.AccessControlMaxAge = value;

        /// <inheritdoc/>
        public void AllowPrivateNetwork() => _headers["Access-Control-Allow-Private-Network"] = "true";

        /// <inheritdoc/>
        public void ExposeHeaders(string value) => _headers.AccessControlExposeHeaders = value;
    }
}
