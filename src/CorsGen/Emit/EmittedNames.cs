using CorsGen.Model;

namespace CorsGen.Emit
{
    /// <summary>
    /// The names one policy's generated file uses, in one place so every emitter agrees. Code in the user's
    /// types names CorsGen's types with <c>global::</c>; code in CorsGen's own namespace names them plainly.
    /// </summary>
    internal sealed class EmittedNames
    {
        public EmittedNames(PolicyTarget target, CompilationFacts facts)
        {
            PolicyClass = target.GlobalName;
            RequestPath = "__" + target.FlatName + "RequestPath";
            GlobalRequestPath = "global::" + facts.RuntimeNamespace + "." + RequestPath;
            PolicyObject = "__" + target.FlatName + "Policy";
            GlobalPolicyObject = "global::" + facts.RuntimeNamespace + "." + PolicyObject;
            Extensions = target.FlatName + "Extensions";
            WithMethod = "With" + target.Name;
        }

        /// <summary>The user's policy class, fully qualified.</summary>
        public string PolicyClass { get; }

        /// <summary>The file-local class, in CorsGen's namespace, that holds the policy's request path.</summary>
        public string RequestPath { get; }

        /// <summary><see cref="RequestPath"/> as the user's types name it.</summary>
        public string GlobalRequestPath { get; }

        /// <summary>The file-local <c>KongCorsPolicy</c> of the policy, whose instance is the user class's <c>Policy</c>.</summary>
        public string PolicyObject { get; }

        /// <summary><see cref="PolicyObject"/> as the user's types name it.</summary>
        public string GlobalPolicyObject { get; }

        /// <summary>The public/internal static class holding <see cref="WithMethod"/>.</summary>
        public string Extensions { get; }

        /// <summary>The shorthand extension method users may call: <c>WithShopCors</c>.</summary>
        public string WithMethod { get; }

        /// <summary>CorsGen.Runtime's helpers for generated code that need ASP.NET Core, named from CorsGen's namespace.</summary>
        public const string Runtime = "KongCorsRuntime";

        /// <summary>The attributes assembly's rule primitives (D4, O8, automaton walks), named from CorsGen's namespace.</summary>
        public const string Rules = "KongCorsRules";

        /// <summary>The <c>[GeneratedCode]</c> attribute on a type or member declared in a user's type or namespace.</summary>
        public static string GlobalGeneratedCodeAttribute { get; } =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";

        /// <summary>The <c>[GeneratedCode]</c> attribute in CorsGen's namespace, which imports <c>System.CodeDom.Compiler</c>.</summary>
        public static string GeneratedCodeAttribute { get; } =
            $"[GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";
    }
}
