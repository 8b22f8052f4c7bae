using System;
using System.Collections.Generic;
using System.Globalization;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// The analyzer's warnings about everything but <c>Origins</c>: methods and headers browsers will not
    /// use as written (CORS034-CORS038), preflight caching (CORS039, CORS040), settings without effect
    /// (CORS041, CORS045), duplicates (CORS042) and private network access for every origin (CORS026).
    /// </summary>
    internal static class SettingsLint
    {
        public static void Check(PolicySpec spec, List<PolicyProblem> problems)
        {
            CheckMethods(spec, problems);
            CheckHeaders(spec.Headers, PolicySetting.Headers, spec.Credentials, problems);
            CheckWildcardCoversAuthorization(spec, problems);
            CheckHeaders(spec.ExposedHeaders, PolicySetting.ExposedHeaders, spec.Credentials, problems);

            if (spec.MaxAge is int maxAge)
            {
                var text = maxAge.ToString(CultureInfo.InvariantCulture);
                if (maxAge > 86400)
                {
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.MaxAgeTooLong.Id, PolicySetting.MaxAge, text));
                }
                else if (maxAge > 7200)
                {
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.MaxAgeCapped.Id, PolicySetting.MaxAge, text));
                }
            }

            if (spec.PreflightContinue)
            {
                if (spec.Methods is not null)
                {
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.IgnoredWithPreflightContinue.Id, PolicySetting.Methods, "Methods"));
                }

                if (spec.Headers is not null)
                {
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.IgnoredWithPreflightContinue.Id, PolicySetting.Headers, "Headers"));
                }

                if (spec.MaxAge is not null)
                {
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.IgnoredWithPreflightContinue.Id, PolicySetting.MaxAge, "MaxAge"));
                }

                if (spec.PrivateNetwork)
                {
                    problems.Add(PolicyProblem.ForSetting(Diagnostics.IgnoredWithPreflightContinue.Id, PolicySetting.PrivateNetwork, "PrivateNetwork"));
                }
            }
            else if (spec.PrivateNetwork && (spec.OriginsFromConfiguration is null || spec.Origins is { Count: > 0 }) && AllowsEveryOrigin(spec.Origins))
            {
                problems.Add(PolicyProblem.ForSetting(Diagnostics.PrivateNetworkWithWildcard.Id, PolicySetting.PrivateNetwork, spec.Origins is { Count: > 0 } ? "'*' in Origins" : "Origins not set (every origin)"));
            }
        }

        private static bool AllowsEveryOrigin(EquatableArray<string?>? origins)
        {
            if (origins is not { Count: > 0 } list)
            {
                return true;
            }

            foreach (var entry in list)
            {
                if (entry == "*")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>CORS046: without credentials '*' is a wildcard, but never for Authorization (Fetch).</summary>
        private static void CheckWildcardCoversAuthorization(PolicySpec spec, List<PolicyProblem> problems)
        {
            if (spec.Credentials || spec.PreflightContinue || spec.Headers is not { } headers)
            {
                return;
            }

            var star = -1;
            for (var i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i], "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                if (headers[i] == "*" && star < 0)
                {
                    star = i;
                }
            }

            if (star >= 0)
            {
                problems.Add(PolicyProblem.ForElement(Diagnostics.WildcardWithoutAuthorization.Id, PolicySetting.Headers, star));
            }
        }

        private static void CheckMethods(PolicySpec spec, List<PolicyProblem> problems)
        {
            if (spec.Methods is not { } methods)
            {
                return;
            }

            if (methods.Count == 0 && !spec.PreflightContinue)
            {
                problems.Add(PolicyProblem.ForSetting(Diagnostics.EmptyMethods.Id, PolicySetting.Methods));
                return;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < methods.Count; i++)
            {
                var method = methods[i];
                if (!HttpSyntax.IsToken(method))
                {
                    // CORS004.
                    continue;
                }

                if (seen.TryGetValue(method!, out var first))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.Duplicate.Id, PolicySetting.Methods, i, "Methods", method!, first.ToString(CultureInfo.InvariantCulture), ""));
                    continue;
                }

                seen[method!] = i;
                if (method == "*")
                {
                    if (spec.Credentials)
                    {
                        problems.Add(PolicyProblem.ForElement(Diagnostics.WildcardTakenLiterally.Id, PolicySetting.Methods, i, "Methods"));
                    }

                    continue;
                }

                if (HttpNames.IsForbiddenMethod(method!))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.ForbiddenMethod.Id, PolicySetting.Methods, i, method!));
                }
                else if (method != method!.ToUpperInvariant())
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.MethodCase.Id, PolicySetting.Methods, i, method, method.ToUpperInvariant()));
                }
            }
        }

        private static void CheckHeaders(EquatableArray<string?>? headers, PolicySetting setting, bool credentials, List<PolicyProblem> problems)
        {
            if (headers is not { } names)
            {
                return;
            }

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                if (!HttpSyntax.IsToken(name))
                {
                    // CORS005.
                    continue;
                }

                if (seen.TryGetValue(name!, out var first))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.Duplicate.Id, setting, i, setting.ToString(), name!, first.ToString(CultureInfo.InvariantCulture), " (header names ignore case)"));
                    continue;
                }

                seen[name!] = i;
                if (name == "*")
                {
                    if (credentials)
                    {
                        problems.Add(PolicyProblem.ForElement(Diagnostics.WildcardTakenLiterally.Id, setting, i, setting.ToString()));
                    }

                    continue;
                }

                if (setting == PolicySetting.ExposedHeaders && HttpNames.IsForbiddenResponseHeader(name!))
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.SetCookieExposed.Id, setting, i, name!));
                    continue;
                }

                var why = setting == PolicySetting.Headers ? HttpNames.WhyNotARequestHeader(name!) : HttpNames.WhyNotExposable(name!);
                if (why is not null)
                {
                    problems.Add(PolicyProblem.ForElement(Diagnostics.ForbiddenHeader.Id, setting, i, setting.ToString(), name!, why));
                }
            }
        }
    }
}
