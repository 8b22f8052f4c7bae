using System;
using System.IO;
using System.Linq;
using CorsGen.Model;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Analysis
{
    /// <summary>
    /// OriginsFromConfiguration, checked at build time where the file is visible: the entries under the policy's key in
    /// every <c>appsettings*.json</c> the project gives the analyzer (the package's <c>build/CorsGen.props</c> adds them as
    /// AdditionalFiles) get the diagnostics they would get in the attribute, at the offending string in the file. The
    /// application checks them again when it starts, with every other configuration source.
    /// </summary>
    internal static class SettingsFileOrigins
    {
        public static void Check(SymbolAnalysisContext context, PolicySpec spec)
        {
            if (spec.OriginsFromConfiguration is not { } key || key.Trim().Length == 0)
            {
                return;
            }

            foreach (var file in context.Options.AdditionalFiles)
            {
                if (!IsSettingsFile(file.Path) || file.GetText(context.CancellationToken) is not { } text
                    || JsonSettings.FindEntries(text.ToString(), key) is not { Count: > 0 } entries)
                {
                    continue;
                }

                var values = new string[entries.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = entries[i].Value;
                }

                foreach (var problem in ConfiguredEntryProblems.Of(values, spec.Credentials))
                {
                    var span = entries[problem.Index].Span;
                    var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                    context.ReportDiagnostic(DiagnosticText.Create(Diagnostics.Get(problem.DiagnosticId), location, problem.MessageArgs.AsImmutableArray().ToArray()));
                }
            }
        }

        /// <summary><c>appsettings.json</c> and its per-environment siblings (<c>appsettings.Production.json</c>...).</summary>
        public static bool IsSettingsFile(string path)
        {
            var name = Path.GetFileName(path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }
    }
}
