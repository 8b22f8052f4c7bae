using System.Collections.Generic;
using System.Globalization;
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
                problems.Add(ToRuntime(problem, entries[problem.Index]));
            }

            return problems;
        }

        /// <summary>One of the analyzer's problems of <paramref name="entry"/>, worded as the analyzer words it.</summary>
        public static RuntimeOriginProblem ToRuntime(PolicyProblem problem, string entry)
        {
            var descriptor = Diagnostics.Get(problem.DiagnosticId);
            var args = new object[problem.MessageArgs.Count];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = problem.MessageArgs[i];
            }

            var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
            return new RuntimeOriginProblem(problem.Index, entry, problem.DiagnosticId, message, descriptor.DefaultSeverity != DiagnosticSeverity.Error);
        }
    }
}
