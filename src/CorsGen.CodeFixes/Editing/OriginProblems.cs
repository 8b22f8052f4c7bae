using System.Collections.Generic;
using System.Collections.Immutable;
using CorsGen.Model;
using CorsGen.Policy;

namespace CorsGen.CodeFixes.Editing
{
    /// <summary>
    /// The analyzer's own origin checks run again on one entry, so a fix knows exactly which chars the
    /// diagnostics of that entry are about (every unescaped dot, the upper-case part), whatever the
    /// literal's form. The checks used by the fixes look at the entry alone, not at its neighbours.
    /// </summary>
    internal static class OriginProblems
    {
        public static List<PolicyProblem> Of(string entry, string diagnosticId)
        {
            var spec = PolicySpec.Defaults with { Origins = new EquatableArray<string?>(ImmutableArray.Create<string?>(entry)) };
            var problems = new List<PolicyProblem>();
            OriginLint.Check(spec, OriginEntries.Of(spec.Origins), problems);
            problems.RemoveAll(p => p.DiagnosticId != diagnosticId);
            return problems;
        }

        public static bool Has(string entry, string diagnosticId) => Of(entry, diagnosticId).Count > 0;
    }
}
