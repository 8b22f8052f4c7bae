using System.Collections.Generic;
using System.Globalization;
using CorsGen.Model;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;

namespace CorsGen.Runtime
{
    /// <summary>
    /// The analyzer's checks of origin entries, run at startup on entries read from configuration: the same
    /// <see cref="PolicyCompiler.Diagnose"/> (validation, compilation, lint) over the same <see cref="Diagnostics"/>
    /// descriptors, so every id, severity and message is the one the analyzer gives for the entry written in the
    /// attribute. The entries are checked as a list of their own: an index is the entry's index under its key.
    /// </summary>
    internal static class OriginEntryChecks
    {
        /// <summary>Every problem of <paramref name="entries"/> as origins of a policy with or without credentials, in order.</summary>
        public static List<RuntimeOriginProblem> Check(IReadOnlyList<string> entries, bool credentials)
        {
            var origins = new List<string?>(entries.Count);
            foreach (var entry in entries)
            {
                origins.Add(entry);
            }

            var spec = PolicySpec.Defaults with { Origins = EquatableArray.From(origins), Credentials = credentials };
            var problems = new List<RuntimeOriginProblem>();
            foreach (var problem in PolicyCompiler.Diagnose(spec))
            {
                if (problem.Setting != PolicySetting.Origins || problem.Index < 0)
                {
                    // Problems of the list as a whole or of other settings are the attribute's; the analyzer reports them.
                    continue;
                }

                var descriptor = Diagnostics.Get(problem.DiagnosticId);
                var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, ToObjects(problem.MessageArgs));
                problems.Add(new RuntimeOriginProblem(
                    problem.Index, entries[problem.Index], problem.DiagnosticId, message, descriptor.DefaultSeverity != DiagnosticSeverity.Error));
            }

            return problems;
        }

        private static object[] ToObjects(EquatableArray<string> args)
        {
            var objects = new object[args.Count];
            for (var i = 0; i < args.Count; i++)
            {
                objects[i] = args[i];
            }

            return objects;
        }
    }
}
