namespace CorsGen
{
    /// <summary>
    /// The rule that decided a policy's answer to a request (<see cref="KongCorsDecision.Reason"/>). The ids in parentheses
    /// are the Kong rules of CorsGen's docs/kong-rules.md.
    /// </summary>
    public enum KongCorsReason
    {
        /// <summary>The policy allows every origin: <c>Access-Control-Allow-Origin: *</c> (O1).</summary>
        AllowAll,

        /// <summary>The policy allows every origin with credentials, so it sends the request's own origin back (C3).</summary>
        AllowAllReflected,

        /// <summary>The policy's origin list holds <c>*</c>, which answers <c>*</c> to every request with an Origin (O5).</summary>
        WildcardEntry,

        /// <summary>The policy has one literal origin, sent as it is whatever the request's Origin (O3).</summary>
        SingleLiteral,

        /// <summary>An entry of the origin list matched the request's origin (O9).</summary>
        EntryMatched,

        /// <summary>The request has no Origin header, so no entry was tried (O10, A4).</summary>
        NoOrigin,

        /// <summary>The request's origin matched no entry of the list (O10).</summary>
        OriginNotListed,

        /// <summary>
        /// The Origin header is not visible ASCII of at most 4096 characters, so it was treated as absent and never
        /// matched or reflected (D4).
        /// </summary>
        OriginInvalid,

        /// <summary>The policy lets preflights continue to the application, which answers them without CORS headers (P7).</summary>
        PreflightContinued,
    }
}
