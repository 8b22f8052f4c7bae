namespace CorsGen
{
    /// <summary>
    /// The names of CorsGen's metrics, following ASP.NET Core's conventions: the meter <see cref="MeterName"/>, created with
    /// the application's <c>IMeterFactory</c>, has the counter <see cref="RequestsCounter"/> (unit <c>{request}</c>), one per
    /// request a CorsGen policy handles, tagged with the policy and the result, never with the origin.
    /// </summary>
    public static class KongCorsMetrics
    {
        /// <summary>The meter's name.</summary>
        public const string MeterName = "CorsGen";

        /// <summary>The counter of requests a policy handled.</summary>
        public const string RequestsCounter = "corsgen.requests";

        /// <summary>The tag naming the policy class (its full name).</summary>
        public const string PolicyTag = "corsgen.policy";

        /// <summary>The tag saying what the policy answered.</summary>
        public const string ResultTag = "corsgen.result";

        /// <summary>The origin is allowed: the policy sent <c>*</c> or the origin itself.</summary>
        public const string Allowed = "allowed";

        /// <summary>The origin is not allowed: it matched no entry, or the policy sends another origin (O3, O8, O10).</summary>
        public const string OriginNotAllowed = "origin_not_allowed";

        /// <summary>The Origin header is not visible ASCII of at most 4096 characters, so it was treated as absent (D4).</summary>
        public const string OriginInvalid = "origin_invalid";

        /// <summary>The request has no Origin header: not a CORS request.</summary>
        public const string NoOrigin = "no_origin";

        /// <summary>A preflight the policy let continue to the application (P7).</summary>
        public const string PreflightContinued = "preflight_continued";
    }
}
