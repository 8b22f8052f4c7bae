using System.Collections.Generic;
using System.Globalization;
using CorsGen.Model;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;

namespace CorsGen.Runtime
{
    /// <summary>
    /// The analyzer's checks of origin entries (<see cref="ConfiguredEntryProblems"/>), run at startup on entries read from
    /// configuration, worded by the same <see cref="Diagnostics"/> descriptors: every id, severity and message is the one the
    /// analyzer gives for the entry. An index is the entry's index under its key.
    /// </summary>
    internal static class OriginEntryChecks
    {
        /// <summary>Every problem of <paramref name="entries"/> as origins of a policy with or without credentials, in order.</summary>
        public static List<RuntimeOriginProblem> Check(IReadOnlyList<string> entries, bool credentials, out OriginRules? compiled)
        {
            var problems = new List<RuntimeOriginProblem>();
            foreach (var problem in ConfiguredEntryProblems.Of(entries, credentials, out compiled))
            {
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
