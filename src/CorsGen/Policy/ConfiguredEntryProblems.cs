using System.Collections.Generic;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// The analyzer's checks of origin entries that come from configuration (<c>OriginsFromConfiguration</c>): the same
    /// <see cref="PolicyCompiler.Diagnose(PolicySpec)"/> (validation, compilation, lint) as for the attribute's entries, run on the
    /// configured list as a list of its own, so an index is the entry's index under its key. Shared by the analyzer (entries
    /// in <c>appsettings*.json</c>) and by CorsGen.Runtime (entries read when the application starts).
    /// </summary>
    internal static class ConfiguredEntryProblems
    {
        /// <summary>Every problem of one configured entry, in order, as origins of a policy with or without credentials.</summary>
        public static List<PolicyProblem> Of(IReadOnlyList<string> entries, bool credentials) => Of(entries, credentials, out _);

        /// <summary>
        /// As <see cref="Of(IReadOnlyList{string}, bool)"/>, and the entries compiled as one list by the same pass (null when
        /// an error blocks it), so the caller need not compile the regex entries a second time.
        /// </summary>
        public static List<PolicyProblem> Of(IReadOnlyList<string> entries, bool credentials, out OriginRules? compiled)
        {
            var origins = new List<string?>(entries.Count);
            foreach (var entry in entries)
            {
                origins.Add(entry);
            }

            var spec = PolicySpec.Defaults with { Origins = EquatableArray.From(origins), Credentials = credentials };
            var problems = new List<PolicyProblem>();
            foreach (var problem in PolicyCompiler.Diagnose(spec, out compiled))
            {
                // Problems of the list as a whole or of other settings are the attribute's, which the analyzer reports there.
                if (problem.Setting == PolicySetting.Origins && problem.Index >= 0)
                {
                    problems.Add(problem);
                }
            }

            return problems;
        }
    }
}
