using System.Collections.Generic;
using System.Globalization;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// Checks a <see cref="PolicySpec"/> against the rules the generated code relies on. The analyzer
    /// reports what it finds; the generator refuses a policy with any error, so the two never disagree.
    /// </summary>
    internal static class PolicyValidator
    {
        public static List<PolicyProblem> Validate(PolicySpec spec, OriginEntries origins)
        {
            var problems = new List<PolicyProblem>();
            ValidateOrigins(spec, origins, problems);
            ValidateMethods(spec, problems);
            ValidateHeaderNames(spec.Headers, PolicySetting.Headers, problems);
            ValidateHeaderNames(spec.ExposedHeaders, PolicySetting.ExposedHeaders, problems);
            if (spec.MaxAge is int maxAge && maxAge < 0)
            {
                problems.Add(PolicyProblem.ForSetting(Diagnostics.NegativeMaxAge.Id, PolicySetting.MaxAge, maxAge.ToString(CultureInfo.InvariantCulture)));
            }

            return problems;
        }

        /// <summary>Whether any problem means the policy cannot be generated (see <see cref="Diagnostics.BlocksGeneration"/>).</summary>
        public static bool BlocksGeneration(IEnumerable<PolicyProblem> problems)
        {
            foreach (var problem in problems)
            {
                if (Diagnostics.BlocksGeneration(problem.DiagnosticId))
                {
                    return true;
                }
            }

            return false;
        }

        private static void ValidateOrigins(PolicySpec spec, OriginEntries origins, List<PolicyProblem> problems)
        {
            if (spec.OriginsFromConfiguration is { } key && key.Trim().Length == 0)
            {
                problems.Add(PolicyProblem.ForSetting(Diagnostics.ConfigurationUnavailable.Id, PolicySetting.OriginsFromConfiguration, "it names no configuration key"));
            }

            if (origins.Items.Count == 0)
            {
                // With OriginsFromConfiguration, no attribute entry allows nothing by itself: the configured entries are
                // checked when the application starts, and an empty combined list fails it.
                if (spec.Credentials && spec.OriginsFromConfiguration is null)
                {
                    // C3: an unset or empty Origins allows every origin; with credentials Kong reflects any Origin.
                    var what = origins.IsSet ? "Origins = [] (every origin allowed)" : "Origins not set (every origin allowed)";
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.WildcardWithCredentials.Id, origins.IsSet ? PolicySetting.Origins : PolicySetting.Credentials, what));
                }

                return;
            }

            foreach (var entry in origins.Items)
            {
                switch (entry.Kind)
                {
                    case null:
                        problems.Add(PolicyProblem.ForElement(Diagnostics.InvalidOriginEntry.Id, PolicySetting.Origins, entry.Index, entry.Index.ToString(CultureInfo.InvariantCulture), entry.Text is null ? "null" : "an empty string"));
                        break;
                    case OriginEntryKind.Wildcard when spec.Credentials:
                        problems.Add(PolicyProblem.ForElement(Diagnostics.WildcardWithCredentials.Id, PolicySetting.Origins, entry.Index, "Origins entry '*'"));
                        break;
                    case OriginEntryKind.Regex:
                        entry.Regex!.Validate(entry.Index, problems);
                        break;
                }
            }
        }

        private static void ValidateMethods(PolicySpec spec, List<PolicyProblem> problems)
        {
            if (spec.Methods is not { } methods)
            {
                return;
            }

            for (var i = 0; i < methods.Count; i++)
            {
                if (!HttpSyntax.IsToken(methods[i]))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.InvalidMethod.Id, PolicySetting.Methods, i, methods[i] ?? "null"));
                }
            }
        }

        private static void ValidateHeaderNames(EquatableArray<string?>? names, PolicySetting setting, List<PolicyProblem> problems)
        {
            if (names is not { } list)
            {
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (!HttpSyntax.IsToken(list[i]))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.InvalidHeaderName.Id, setting, i, setting.ToString(), list[i] ?? "null"));
                }
            }
        }
    }
}
