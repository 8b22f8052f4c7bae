using System.Reflection;

namespace CorsGen
{
    /// <summary>What the generated code says about its generator.</summary>
    internal static class GeneratorInfo
    {
        public const string Name = "CorsGen";

        /// <summary>The package version (Directory.Build.props), without any source-revision suffix.</summary>
        public static string Version { get; } = ReadVersion();

        public const string AttributeFullName = "CorsGen.KongCorsAttribute";

        /// <summary>Where the rule ids cited by generated comments (R1, O8, D4...) are explained.</summary>
        public const string RulesUrl = "https://github.com/corsgen/CorsGen/blob/main/docs/kong-rules.md";

        private static string ReadVersion()
        {
            var informational = typeof(GeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(informational))
            {
                return typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            }

            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }
}
