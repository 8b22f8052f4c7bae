using System.ComponentModel;

namespace CorsGen
{
    /// <summary>
    /// What CorsGen's metrics and its Development explanations need from a policy, whichever assembly generated it. Each
    /// policy's generated <c>Metadata</c> and attribute implement it; application code uses the policy class's
    /// <c>Evaluate</c> instead.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IKongCorsPolicyDiagnostics
    {
        /// <summary>The policy class's full name.</summary>
        string PolicyName { get; }

        /// <summary>Whether the policy lets preflights continue to the application (P7).</summary>
        bool PreflightContinue { get; }

        /// <summary>
        /// The <see cref="KongCorsMetrics.ResultTag"/> of a request with this Origin (its first value, or null):
        /// <see cref="KongCorsMetrics.Allowed"/>, <see cref="KongCorsMetrics.OriginNotAllowed"/>,
        /// <see cref="KongCorsMetrics.OriginInvalid"/> or <see cref="KongCorsMetrics.NoOrigin"/>. Allocates nothing.
        /// </summary>
        string ResultOf(string? requestOrigin);

        /// <summary>The policy's whole answer to a request with these headers (the policy class's <c>Evaluate</c>).</summary>
        KongCorsDecision Evaluate(string method, string? origin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork);
    }
}
