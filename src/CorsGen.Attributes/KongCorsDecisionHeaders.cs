using System.Collections.Generic;
using System.ComponentModel;

namespace CorsGen
{
    /// <summary>
    /// The headers of a <see cref="KongCorsDecision"/>, as the generated request path writes them for <c>Evaluate</c>: the
    /// same calls, in the same order, as for a real response, collected in a list. For use by CorsGen's generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct KongCorsDecisionHeaders : IKongCorsHeaders
    {
        /// <summary>Collects the headers of an answer to a request with these headers.</summary>
        /// <param name="requestHeaders">Its <c>Access-Control-Request-Headers</c>, or <see langword="null"/>.</param>
        /// <param name="requestPrivateNetwork">Whether it sends <c>Access-Control-Request-Private-Network: true</c>.</param>
        public KongCorsDecisionHeaders(string? requestHeaders, bool requestPrivateNetwork)
        {
            RequestHeaders = requestHeaders;
            RequestsPrivateNetwork = requestPrivateNetwork;
            List = new List<KeyValuePair<string, string>>();
        }

        /// <summary>The headers written, in order.</summary>
        public List<KeyValuePair<string, string>> List { get; }

        /// <inheritdoc/>
        public string? RequestHeaders { get; }

        /// <inheritdoc/>
        public bool RequestsPrivateNetwork { get; }

        /// <inheritdoc/>
        public void VaryOrigin() => Add("Vary", "Origin");

        /// <inheritdoc/>
        public void AllowCredentials() => Add("Access-Control-Allow-Credentials", "true");

        /// <inheritdoc/>
        public void AllowOrigin(string value) => Add("Access-Control-Allow-Origin", value);

        /// <inheritdoc/>
        public void RefuseOrigin(string? requestOrigin, bool valid)
        {
            // A decision starts with no header to remove.
        }

        /// <inheritdoc/>
        public void AllowHeaders(string value) => Add("Access-Control-Allow-Headers", value);

        /// <inheritdoc/>
        public void NoAllowHeaders()
        {
            // A decision starts with no header to remove.
        }

        /// <inheritdoc/>
        public void AllowMethods(string value) => Add("Access-Control-Allow-Methods", value);

        /// <inheritdoc/>
        public void MaxAge(string value) => Add("Access-Control-Max-Age", value);

        /// <inheritdoc/>
        public void AllowPrivateNetwork() => Add("Access-Control-Allow-Private-Network", "true");

        /// <inheritdoc/>
        public void ExposeHeaders(string value) => Add("Access-Control-Expose-Headers", value);

        private void Add(string name, string value) => List.Add(new KeyValuePair<string, string>(name, value));
    }
}
