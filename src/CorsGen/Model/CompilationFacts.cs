namespace CorsGen.Model
{
    /// <summary>
    /// The few compilation-wide facts the emitted code depends on, projected to values before any
    /// Combine so that an edit elsewhere in the compilation does not invalidate the policies.
    /// </summary>
    /// <param name="HasAspNetCore">ASP.NET Core's <c>IEndpointFilter</c> is referenced: emit the filter and the <c>With...()</c> extension.</param>
    /// <param name="SupportsGeneratedCode">The language version is C# 11 or newer (span switches, <c>file</c> types, static lambdas).</param>
    /// <param name="RuntimeNamespace">
    /// The namespace of this assembly's shared run-time helpers, <c>CorsGen.Generated.&lt;assembly&gt;</c> (the assembly name as
    /// one identifier): unique per assembly, so two assemblies that see each other's internals never declare the same type.
    /// </param>
    /// <param name="HasReferencedMiddleware">
    /// A referenced assembly already gives this one an accessible <c>UseKongCors()</c> (internals visible to us):
    /// declaring a second one would clash, and that one handles this assembly's policies too.
    /// </param>
    /// <param name="HasHostingStartup">
    /// ASP.NET Core hosting (<c>IHostingStartup</c>, <c>IStartupFilter</c>) is referenced: emit the startup check of
    /// attributes that need <c>UseKongCors()</c> (<see cref="Emit.StartupCheckEmitter"/>).
    /// </param>
    /// <param name="HasDecision">
    /// <c>CorsGen.KongCorsDecision</c> is referenced (the attribute assembly of this version): emit each policy's <c>Evaluate</c>.
    /// </param>
    /// <param name="HasConfiguredOrigins">
    /// <c>CorsGen.Runtime.KongCorsConfiguredOrigins</c> is referenced (the CorsGen.Runtime assembly of the package), with
    /// ASP.NET Core: policies with <c>OriginsFromConfiguration</c> can be generated.
    /// </param>
    internal sealed record CompilationFacts(bool HasAspNetCore, bool SupportsGeneratedCode, string RuntimeNamespace, bool HasReferencedMiddleware, bool HasHostingStartup, bool HasDecision, bool HasConfiguredOrigins = false);
}
