namespace CorsGen.Model
{
    /// <summary>
    /// A <c>[KongCors]</c> attribute as written: every named argument's value, with "not set" kept
    /// apart from "set to the default" (Kong distinguishes them). The first model of the pipeline;
    /// plain values only, so it compares by value and the generator caches on it.
    /// </summary>
    /// <param name="Origins">The <c>Origins</c> entries; null when the argument is absent (or <c>null</c>).</param>
    /// <param name="Methods">The <c>Methods</c> entries; null when absent.</param>
    /// <param name="Headers">The <c>Headers</c> entries; null when absent.</param>
    /// <param name="ExposedHeaders">The <c>ExposedHeaders</c> entries; null when absent.</param>
    /// <param name="MaxAge">Seconds; null when absent.</param>
    /// <param name="OriginsFromConfiguration">The configuration key whose entries follow <paramref name="Origins"/>; null when absent.</param>
    internal sealed record PolicySpec(
        EquatableArray<string?>? Origins,
        EquatableArray<string?>? Methods,
        EquatableArray<string?>? Headers,
        EquatableArray<string?>? ExposedHeaders,
        bool Credentials,
        int? MaxAge,
        bool PreflightContinue,
        bool PrivateNetwork,
        bool AllowOriginAbsent,
        string? OriginsFromConfiguration = null)
    {
        /// <summary>The attribute with no argument set: Kong's schema defaults.</summary>
        public static PolicySpec Defaults { get; } = new PolicySpec(null, null, null, null, false, null, false, false, true);
    }

    /// <summary>The attribute's properties, used to point a diagnostic at the argument that caused it.</summary>
    internal enum PolicySetting
    {
        Origins,
        Methods,
        Headers,
        ExposedHeaders,
        Credentials,
        MaxAge,
        PreflightContinue,
        PrivateNetwork,
        AllowOriginAbsent,
        OriginsFromConfiguration,
    }
}
