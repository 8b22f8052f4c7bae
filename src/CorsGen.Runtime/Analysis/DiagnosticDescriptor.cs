using System.Collections.Generic;

// The three Roslyn types the analyzer's Diagnostics.cs is written against, standing in for Roslyn here, so CorsGen.Runtime
// compiles that file itself (linked) and the ids, severities and message formats it reports at startup are the analyzer's
// by construction, not a copy. Internal: nothing outside this assembly sees them.
namespace Microsoft.CodeAnalysis
{
    /// <summary>Roslyn's severities, as Diagnostics.cs names them.</summary>
    internal enum DiagnosticSeverity
    {
        Hidden,
        Info,
        Warning,
        Error,
    }

    /// <summary>The tags Diagnostics.cs sets.</summary>
    internal static class WellKnownDiagnosticTags
    {
        public const string NotConfigurable = "NotConfigurable";
    }

    /// <summary>What Diagnostics.cs gives a descriptor, and what the startup checks read back.</summary>
    internal sealed class DiagnosticDescriptor
    {
        public DiagnosticDescriptor(
            string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity, bool isEnabledByDefault,
            string? description = null, string? helpLinkUri = null, params string[] customTags)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Category = category;
            DefaultSeverity = defaultSeverity;
            IsEnabledByDefault = isEnabledByDefault;
            Description = description ?? "";
            HelpLinkUri = helpLinkUri ?? "";
            CustomTags = customTags;
        }

        public string Id { get; }

        public string Title { get; }

        public string MessageFormat { get; }

        public string Category { get; }

        public DiagnosticSeverity DefaultSeverity { get; }

        public bool IsEnabledByDefault { get; }

        public string Description { get; }

        public string HelpLinkUri { get; }

        public IEnumerable<string> CustomTags { get; }
    }
}
