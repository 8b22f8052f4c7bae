namespace CorsGen
{
    /// <summary>Names of the generator's steps, so tests can check each is cached on unrelated edits.</summary>
    internal static class TrackingNames
    {
        public const string CompilationFacts = nameof(CompilationFacts);
        public const string PolicyDeclarations = nameof(PolicyDeclarations);
        public const string CompiledPolicies = nameof(CompiledPolicies);
        public const string PoliciesWithFacts = nameof(PoliciesWithFacts);
        public const string StartupChecks = nameof(StartupChecks);
        public const string AssemblyStartupCheck = nameof(AssemblyStartupCheck);
    }
}
