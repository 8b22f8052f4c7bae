using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS014: a generated <c>With&lt;Policy&gt;()</c> whose result the Request Delegate Generator cannot type. Two safe forms:
    /// <list type="bullet">
    /// <item><c>var api = x.WithShopCors();</c> becomes <c>var api = x;</c> and <c>api.WithShopCors();</c>, a statement of its
    /// own whose result nothing uses (any mode);</item>
    /// <item><c>.WithShopCors()</c> becomes ASP.NET Core's own <c>.WithMetadata(new ShopCorsAttribute())</c>, which keeps the
    /// chain's type (needs <c>app.UseKongCors()</c>, which applies attributes).</item>
    /// </list>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequestDelegateGeneratorChainFix))]
    public sealed class RequestDelegateGeneratorChainFix : CodeFixProvider
    {
        public const string StatementKey = "CORS014.Statement";

        public const string MetadataKey = "CORS014.Metadata";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.HiddenFromRequestDelegateGenerator.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access } invocation
                    || model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
                {
                    continue;
                }

                var call = access.Name.Identifier.ValueText + "()";
                if (invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } declarator }
                    && statement.Parent is BlockSyntax or GlobalStatementSyntax)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Call {call} in a statement of its own",
                            token => SplitAsync(context.Document, statement, declarator, invocation, access, token),
                            StatementKey),
                        diagnostic);
                }

                if (PolicyAttribute(model.Compilation, method) is { } attribute)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Apply the policy as metadata: WithMetadata(new {attribute.Name}()) (needs app.UseKongCors())",
                            token => AsMetadataAsync(context.Document, invocation, access, attribute, token),
                            MetadataKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The policy's generated attribute: <c>ShopCorsAttribute</c> next to the policy, for <c>WithShopCors</c>.</summary>
        private static INamedTypeSymbol? PolicyAttribute(Compilation compilation, IMethodSymbol method)
        {
            var name = method.Name.Substring("With".Length) + "Attribute";
            var scope = method.ContainingType.ContainingNamespace;
            var metadataName = scope is null || scope.IsGlobalNamespace ? name : scope.ToDisplayString() + "." + name;
            return compilation.GetTypeByMetadataName(metadataName)
                ?? compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().FirstOrDefault();
        }

        private static async Task<Document> SplitAsync(
            Document document, LocalDeclarationStatementSyntax statement, VariableDeclaratorSyntax declarator, InvocationExpressionSyntax invocation,
            MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);

            // var api = x;  then  api.WithShopCors();
            var declaration = statement.ReplaceNode(invocation, access.Expression.WithoutTrailingTrivia());
            var apply = SyntaxFactory.ExpressionStatement(
                    invocation.WithExpression(access.WithExpression(SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia()))))
                .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));

            SyntaxNode newRoot;
            if (statement.Parent is GlobalStatementSyntax global)
            {
                newRoot = root!.ReplaceNode(global, new SyntaxNode[] { global.WithStatement(declaration), SyntaxFactory.GlobalStatement(apply) });
            }
            else
            {
                newRoot = root!.ReplaceNode(statement, new SyntaxNode[] { declaration, apply });
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static async Task<Document> AsMetadataAsync(
            Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var type = SyntaxFactory.ParseTypeName(attribute.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
            var metadata = invocation
                .WithExpression(access.WithName(SyntaxFactory.IdentifierName("WithMetadata").WithTriviaFrom(access.Name)))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.ObjectCreationExpression(type).WithArgumentList(SyntaxFactory.ArgumentList()))))
                    .WithTriviaFrom(invocation.ArgumentList));
            return document.WithSyntaxRoot(root!.ReplaceNode(invocation, metadata));
        }
    }
}
