using System.Collections.Immutable;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS034: browsers send methods such as PATCH in upper case and compare
    /// Access-Control-Allow-Methods case-sensitively. Writes the method in upper case.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UpperCaseMethodFix))]
    public sealed class UpperCaseMethodFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS034.UpperCaseMethod";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.MethodCase.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            LiteralRewrite.RegisterAsync(context, EquivalenceKey, (value, _) =>
            {
                var upper = value.ToUpperInvariant();
                return new Rewrite("Write the method in upper case: '" + upper + "'", upper);
            });
    }
}
