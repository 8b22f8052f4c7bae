namespace CorsGen.Model
{
    /// <summary>
    /// The few compilation-wide facts the emitted code depends on, projected to values before any
    /// Combine so that an edit elsewhere in the compilation does not invalidate the policies.
    /// </summary>
    /// <param name="HasAspNetCore">ASP.NET Core's <c>IEndpointFilter</c> is referenced.</param>
    /// <param name="SupportsGeneratedCode">The language version is C# 11 or newer (span switches, <c>file</c> types, static lambdas).</param>
    /// <param name="RuntimeNamespace">
    /// The namespace of this assembly's file-local policy code, <c>CorsGen.Generated.&lt;assembly&gt;</c> (the assembly name as
    /// one identifier).
    /// </param>
    /// <param name="HasHostingStartup">
    /// ASP.NET Core hosting (<c>IHostingStartup</c>) is referenced: name CorsGen.Runtime's startup check of attributes that
    /// need <c>UseKongCors()</c> (<see cref="Emit.StartupCheckEmitter"/>).
    /// </param>
    /// <param name="HasDecision">
    /// <c>CorsGen.KongCorsDecision</c> is referenced (the attribute assembly of this version): emit each policy's <c>Evaluate</c>.
    /// </param>
    /// <param name="HasRuntimeLibrary">
    /// <c>CorsGen.KongCorsPolicy</c> is referenced (the CorsGen.Runtime assembly of the package).
    /// </param>
    internal sealed record CompilationFacts(bool HasAspNetCore, bool SupportsGeneratedCode, string RuntimeNamespace, bool HasHostingStartup, bool HasDecision, bool HasRuntimeLibrary)
    {
        /// <summary>
        /// ASP.NET Core and CorsGen.Runtime are both referenced: emit the policy's object (<c>Policy</c>), its attribute
        /// and <c>With...()</c> shorthand, and its request path.
        /// </summary>
        public bool HasRuntime => HasAspNetCore && HasRuntimeLibrary;
    }
}
