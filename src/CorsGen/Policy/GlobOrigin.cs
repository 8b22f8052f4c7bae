using System;
using System.Text;

namespace CorsGen.Policy
{
    /// <summary>
    /// Origins written as globs (<c>*.example.com</c>), which Kong has no syntax for: it reads them as regexes
    /// (CORS020). The analyzer recognizes them and the code fix writes the regex they mean.
    /// </summary>
    internal static class GlobOrigin
    {
        /// <summary>Whether an entry reads like a glob: <c>*.example.com</c>, <c>https://*.example.com</c>.</summary>
        public static bool LooksLikeGlob(string entry) =>
            entry.StartsWith("*.", StringComparison.Ordinal) || entry.IndexOf("://*.", StringComparison.Ordinal) >= 0 || entry.IndexOf("//*.", StringComparison.Ordinal) >= 0;

        /// <summary>The regex a glob means: every subdomain (one label or more) of the domain, dots escaped.</summary>
        public static string GlobToRegex(string glob)
        {
            var star = glob.IndexOf("*.", StringComparison.Ordinal);
            return glob.Substring(0, star) + @"([a-z0-9-]+\.)+" + EscapeRegex(glob.Substring(star + 2));
        }

        /// <summary>A literal as a regex: its dots (and any other metacharacter) escaped.</summary>
        private static string EscapeRegex(string literal)
        {
            var builder = new StringBuilder(literal.Length + 4);
            foreach (var c in literal)
            {
                if ("\\^$.|?*+()[]{}".IndexOf(c) >= 0)
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
