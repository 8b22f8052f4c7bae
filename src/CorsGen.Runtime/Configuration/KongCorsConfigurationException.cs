using System;
using System.Collections.Generic;
using System.Text;

namespace CorsGen.Runtime
{
    /// <summary>
    /// Issue 15: the startup failure for origins read from configuration that a policy cannot use. Its message names the
    /// policy and the configuration key, and lists every bad entry with its index under the key, the analyzer's id and the
    /// analyzer's message, so it reads as the build error the same entry would have given in the attribute.
    /// </summary>
    public sealed class KongCorsConfigurationException : InvalidOperationException
    {
        /// <summary>Creates the exception for <paramref name="problems"/> of <paramref name="policyName"/>'s <paramref name="key"/>.</summary>
        /// <param name="policyName">The policy class's full name.</param>
        /// <param name="key">The configuration key.</param>
        /// <param name="problems">Every problem, by index under the key.</param>
        public KongCorsConfigurationException(string policyName, string key, IReadOnlyList<RuntimeOriginProblem> problems)
            : base(Describe(policyName, key, problems))
        {
            PolicyName = policyName;
            Key = key;
            Problems = problems;
        }

        /// <summary>The policy class's full name.</summary>
        public string PolicyName { get; }

        /// <summary>The configuration key.</summary>
        public string Key { get; }

        /// <summary>Every problem, by index under <see cref="Key"/> (-1: the list as a whole).</summary>
        public IReadOnlyList<RuntimeOriginProblem> Problems { get; }

        private static string Describe(string policyName, string key, IReadOnlyList<RuntimeOriginProblem> problems)
        {
            var text = new StringBuilder()
                .Append("CORS policy ").Append(policyName).Append(" cannot use the origins of configuration key '").Append(key).Append("':");
            foreach (var problem in problems)
            {
                text.Append('\n').Append("  ").Append(problem.Index < 0 ? key : key + ":" + problem.Index)
                    .Append(": ").Append(problem.DiagnosticId).Append(' ').Append(problem.Message);
            }

            return text.ToString();
        }
    }
}
