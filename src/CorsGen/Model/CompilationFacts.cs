namespace CorsGen.Model
{
    /// <summary>
    /// The few compilation-wide facts the emitted code depends on, projected to values before any
    /// Combine so that an edit elsewhere in the compilation does not invalidate the policies.
    /// </summary>
    /// <param name="HasAspNetCore">ASP.NET Core's <c>IEndpointFilter</c> is referenced: emit the filter and the <c>With...()</c> extension.</param>
    /// <param name="SupportsGeneratedCode">The language version is C# 11 or newer (span switches, <c>file</c> types, static lambdas).</param>
    internal sealed record CompilationFacts(bool HasAspNetCore, bool SupportsGeneratedCode);
}
