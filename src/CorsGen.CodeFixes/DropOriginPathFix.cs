using System.Collections.Immutable;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS033: an origin is only <c>scheme://host[:port]</c>. Drops the path (or the trailing slash)
    /// of a literal origin: <c>https://shop.example.com/app/</c> becomes <c>https://shop.example.com</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DropOriginPathFix))]
    public sealed class DropOriginPathFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS033.DropOriginPath";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.OriginWithPath.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            LiteralRewrite.RegisterAsync(context, EquivalenceKey, (value, _) =>
            {
                if (OriginEntry.Classify(value) != OriginEntryKind.Literal)
                {
                    return null;
                }

                var separator = value.IndexOf("://", System.StringComparison.Ordinal);
                var path = separator < 0 ? -1 : value.IndexOf('/', separator + 3);
                if (path <= separator + 3)
                {
                    return null;
                }

                var origin = value.Substring(0, path);
                var what = path == value.Length - 1 ? "trailing slash" : "path";
                return new Rewrite("Drop the " + what + ": '" + origin + "'", origin);
            });
    }
}
