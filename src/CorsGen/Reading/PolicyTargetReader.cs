using System.Collections.Generic;
using System.Linq;
using CorsGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Reading
{
    /// <summary>
    /// Checks that a <c>[KongCors]</c> class can be completed by the generator and describes where it
    /// lives. The generator skips a class that cannot; the analyzer reports the reason (CORS007).
    /// </summary>
    internal static class PolicyTargetReader
    {
        public static PolicyTarget? Read(INamedTypeSymbol type, out string? reason)
        {
            reason = Check(type);
            if (reason is not null)
            {
                return null;
            }

            var containing = new List<ContainingType>();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingType(DeclarationKeyword(outer), outer.Name));
            }

            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
            return new PolicyTarget(ns, type.Name, EquatableArray.From(containing), IsPublicEverywhere(type));
        }

        /// <summary>What keeps the class from being generated, as the end of the CORS007 message, or null.</summary>
        private static string? Check(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsRecord)
            {
                return type.IsRecord ? "it is a record" : "it is not a class";
            }

            if (!IsPartialEverywhere(type))
            {
                return "it is not declared partial";
            }

            if (!type.IsStatic)
            {
                return "it is not declared static";
            }

            if (type.Arity > 0)
            {
                return "it is generic";
            }

            if (IsFileLocal(type))
            {
                return "it is a file-local type";
            }

            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (!IsPartialEverywhere(outer))
                {
                    return $"its containing type '{outer.Name}' is not partial";
                }

                if (outer.Arity > 0)
                {
                    return $"its containing type '{outer.Name}' is generic";
                }
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                switch (t.DeclaredAccessibility)
                {
                    case Accessibility.Public:
                    case Accessibility.Internal:
                    case Accessibility.ProtectedOrInternal:
                        break;
                    default:
                        return SymbolEqualityComparer.Default.Equals(t, type)
                            ? "it is neither public nor internal"
                            : $"its containing type '{t.Name}' is neither public nor internal";
                }
            }

            return null;
        }

        private static bool IsPublicEverywhere(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPartialEverywhere(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }

            return type.DeclaringSyntaxReferences.Length > 0;
        }

        private static bool IsFileLocal(INamedTypeSymbol type) =>
            type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.FileKeyword));

        /// <summary>What to write before the name when re-opening a containing type as partial.</summary>
        private static string DeclarationKeyword(INamedTypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                return "partial interface";
            }

            if (type.TypeKind == TypeKind.Struct)
            {
                var modifiers = (type.IsReadOnly ? "readonly " : "") + (type.IsRefLikeType ? "ref " : "");
                return modifiers + (type.IsRecord ? "partial record struct" : "partial struct");
            }

            return (type.IsStatic ? "static " : "") + (type.IsRecord ? "partial record" : "partial class");
        }
    }
}
