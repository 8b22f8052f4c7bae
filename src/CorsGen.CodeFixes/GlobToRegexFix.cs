using System.Collections.Immutable;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS020: Kong has no globs; <c>https://*.example.com</c> is a regex that allows far more than the
    /// subdomains of example.com. Writes the regex the glob means: one or more labels, then the
    /// domain with its dots escaped (<c>https://([a-z0-9-]+\.)+example\.com</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GlobToRegexFix))]
    public sealed class GlobToRegexFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS020.GlobToRegex";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.GlobPattern.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            LiteralRewrite.RegisterAsync(context, EquivalenceKey, (value, _) =>
            {
                if (!GlobOrigin.LooksLikeGlob(value))
                {
                    return null;
                }

                var regex = GlobOrigin.GlobToRegex(value);
                return new Rewrite("Write the subdomain regex '" + regex + "'", regex);
            });
    }
}
