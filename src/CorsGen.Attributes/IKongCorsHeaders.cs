using System.ComponentModel;

namespace CorsGen
{
    /// <summary>
    /// Where a policy's generated request path writes the CORS headers of one answer, and reads the two request headers
    /// it may reflect: the HTTP response (CorsGen.Runtime's <c>KongCorsResponseHeaders</c>) or the list of a
    /// <see cref="KongCorsDecision"/> (<see cref="KongCorsDecisionHeaders"/>). The generated code is one method, generic
    /// over a struct of this interface, so the response and <c>Evaluate</c> follow one algorithm per rule and each gets
    /// code of its own, with no allocation and no interface call. For use by CorsGen's generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IKongCorsHeaders
    {
        /// <summary>The request's <c>Access-Control-Request-Headers</c> (its first value), or <see langword="null"/>: P2 reflects it.</summary>
        string? RequestHeaders { get; }

        /// <summary>Whether the request sends <c>Access-Control-Request-Private-Network: true</c> (P5).</summary>
        bool RequestsPrivateNetwork { get; }

        /// <summary>O2, A3, P6: <c>Vary: Origin</c> (a preflight answer's only Vary; on other responses added once to theirs).</summary>
        void VaryOrigin();

        /// <summary>C2, C3: <c>Access-Control-Allow-Credentials: true</c>.</summary>
        void AllowCredentials();

        /// <summary>O1-O9: <c>Access-Control-Allow-Origin</c>.</summary>
        /// <param name="value">The header's value.</param>
        void AllowOrigin(string value);

        /// <summary>O10: no entry matched: no <c>Access-Control-Allow-Origin</c>, not even one the endpoint set.</summary>
        /// <param name="requestOrigin">The request's Origin as sent (null or empty when absent).</param>
        /// <param name="valid">Whether D4 let the Origin be matched at all.</param>
        void RefuseOrigin(string? requestOrigin, bool valid);

        /// <summary>P2: <c>Access-Control-Allow-Headers</c>.</summary>
        /// <param name="value">The configured Headers, or the request's own list.</param>
        void AllowHeaders(string value);

        /// <summary>P2: no <c>Access-Control-Allow-Headers</c> (the request's list is absent or not a list of header names, D4).</summary>
        void NoAllowHeaders();

        /// <summary>P3: <c>Access-Control-Allow-Methods</c>.</summary>
        /// <param name="value">The configured Methods.</param>
        void AllowMethods(string value);

        /// <summary>P4: <c>Access-Control-Max-Age</c>.</summary>
        /// <param name="value">The configured MaxAge.</param>
        void MaxAge(string value);

        /// <summary>P5: <c>Access-Control-Allow-Private-Network: true</c>.</summary>
        void AllowPrivateNetwork();

        /// <summary>A1: <c>Access-Control-Expose-Headers</c>.</summary>
        /// <param name="value">The configured ExposedHeaders.</param>
        void ExposeHeaders(string value);
    }
}
