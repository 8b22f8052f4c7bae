using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using CorsGen.Model;
using CorsGen.Policy;
using CorsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen
{
    /// <summary>
    /// Reports every problem of a <c>[KongCors]</c> policy at the argument (and, for regexes, the
    /// characters) that causes it. It runs the generator's own reading and validation code, so what
    /// it reports is exactly why the generator skipped a policy.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class KongCorsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Diagnostics.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(GeneratorInfo.AttributeFullName);
                if (attributeType is null)
                {
                    return;
                }

                var facts = CompilationFactsReader.Read(start.Compilation);
                start.RegisterSymbolAction(symbol => AnalyzePolicyClass(symbol, attributeType, facts), SymbolKind.NamedType);
                start.RegisterSyntaxNodeAction(AnalyzeInvocation, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
            });
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (CorsMechanismChain.Find(invocation, context.SemanticModel, context.CancellationToken) is { } pair)
            {
                var name = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : invocation.GetLocation();
                context.ReportDiagnostic(Create(Diagnostics.TwoCorsMechanisms, name, pair.Earlier, pair.Later));
            }
        }

        private static void AnalyzePolicyClass(SymbolAnalysisContext context, INamedTypeSymbol attributeType, CompilationFacts facts)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (var attribute in type.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
                {
                    continue;
                }

                AnalyzePolicy(context, type, attribute, syntax, facts);
            }
        }

        private static void AnalyzePolicy(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax syntax, CompilationFacts facts)
        {
            if (!facts.SupportsGeneratedCode)
            {
                var version = ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)syntax.SyntaxTree.Options).LanguageVersion;
                context.ReportDiagnostic(Create(Diagnostics.LanguageVersionTooLow, syntax.GetLocation(), Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(version)));
            }

            PolicyTargetReader.Read(type, out var reason);
            if (reason is not null)
            {
                var declaration = syntax.FirstAncestorOrSelf<ClassDeclarationSyntax>();
                var location = declaration?.Identifier.GetLocation() ?? syntax.GetLocation();
                context.ReportDiagnostic(Create(Diagnostics.InvalidTarget, location, type.ToDisplayString(), reason));
            }

            var spec = PolicySpecReader.Read(attribute);
            if (spec is null)
            {
                return;
            }

            foreach (var problem in PolicyCompiler.Diagnose(spec))
            {
                var descriptor = Diagnostics.Get(problem.DiagnosticId);
                context.ReportDiagnostic(Create(descriptor, ProblemLocator.Locate(syntax, problem), problem.MessageArgs.AsImmutableArray().ToArray()));
            }

            if (!facts.HasAspNetCore && reason is null)
            {
                context.ReportDiagnostic(Create(Diagnostics.AspNetCoreMissing, syntax.GetLocation(), type.Name));
            }
        }

        /// <summary>
        /// Every diagnostic is created here. Its arguments quote user text (origins, header names, class
        /// names), so control characters are escaped first: a "X-A\r\nX-B" header entry must not split the
        /// build's one-line message.
        /// </summary>
        private static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params string[] args)
        {
            var escaped = new object[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                escaped[i] = EscapeControlCharacters(args[i]);
            }

            return Diagnostic.Create(descriptor, location, escaped);
        }

        /// <summary>
        /// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators as C# escapes
        /// (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u0085</c>); every other character as it is.
        /// </summary>
        private static string EscapeControlCharacters(string text)
        {
            var first = 0;
            while (first < text.Length && !NeedsEscape(text[first]))
            {
                first++;
            }

            if (first == text.Length)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
            for (var i = first; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        if (NeedsEscape(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        private static bool NeedsEscape(char c) => c < '\u0020' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029';
    }
}
