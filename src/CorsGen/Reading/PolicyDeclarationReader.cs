using System.Threading;
using CorsGen.Model;
using Microsoft.CodeAnalysis;

namespace CorsGen.Reading
{
    /// <summary>
    /// The generator's first step: from the attributed class to a <see cref="PolicyDeclaration"/> of plain
    /// values. Returns null for anything the analyzer reports instead.
    /// </summary>
    internal static class PolicyDeclarationReader
    {
        public static PolicyDeclaration? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var target = PolicyTargetReader.Read(type, out _);
            var spec = PolicySpecReader.Read(context.Attributes[0]);
            return target is null || spec is null ? null : new PolicyDeclaration(target, spec);
        }
    }
}
