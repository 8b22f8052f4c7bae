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
    /// <item><c>.WithShopCors()</c> becomes <c>.WithKongCors(ShopCors.Policy)</c>, the runtime library's method, which the
    /// Request Delegate Generator sees, so the chain keeps its type.</item>
    /// </list>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequestDelegateGeneratorChainFix))]
    public sealed class RequestDelegateGeneratorChainFix : CodeFixProvider
    {
        public const string StatementKey = "CORS014.Statement";

        public const string LibraryKey = "CORS014.WithKongCors";

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

                if (PolicyClass(model.Compilation, method) is { } policy)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Call WithKongCors({policy.Name}.Policy)",
                            token => WithKongCorsAsync(context.Document, invocation, access, policy, token),
                            LibraryKey),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The policy class of a generated <c>WithShopCors</c>: the type <c>ShopCors</c> with a generated <c>Policy</c>, in the
        /// namespace of the extension class first.
        /// </summary>
        private static INamedTypeSymbol? PolicyClass(Compilation compilation, IMethodSymbol method)
        {
            var name = method.Name.Substring("With".Length);
            var scope = method.ContainingType.ContainingNamespace;
            INamedTypeSymbol? found = null;
            foreach (var candidate in compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>())
            {
                if (candidate.GetMembers("Policy").OfType<IPropertySymbol>().Any(p => p.IsStatic && p.Type.ToDisplayString() == "CorsGen.KongCorsPolicy"))
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.ContainingNamespace, scope))
                    {
                        return candidate;
                    }

                    found ??= candidate;
                }
            }

            return found;
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

        private static async Task<Document> WithKongCorsAsync(
            Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, INamedTypeSymbol policy, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var policyObject = SyntaxFactory.ParseExpression(policy.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".Policy").WithAdditionalAnnotations(Simplifier.Annotation);
            var library = invocation
                .WithExpression(access.WithName(SyntaxFactory.IdentifierName("WithKongCors").WithTriviaFrom(access.Name)))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(policyObject)))
                    .WithTriviaFrom(invocation.ArgumentList));
            return document.WithSyntaxRoot(root!.ReplaceNode(invocation, library));
        }
    }
}
