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
            Extensions = target.FlatName + "Extensions";
            WithMethod = "With" + target.Name;
            GlobalRuntime = "global::" + facts.RuntimeNamespace + "." + Runtime;
            GlobalPolicyInterface = "global::" + facts.RuntimeNamespace + "." + PolicyInterface;
        }

        /// <summary>The user's policy class, fully qualified.</summary>
        public string PolicyClass { get; }

        /// <summary>The file-local class, in CorsGen's namespace, that holds the policy's request path.</summary>
        public string RequestPath { get; }

        /// <summary><see cref="RequestPath"/> as the user's types name it.</summary>
        public string GlobalRequestPath { get; }

        /// <summary>The public/internal static class holding <see cref="WithMethod"/>.</summary>
        public string Extensions { get; }

        /// <summary>The extension method users call: <c>WithShopCors</c>.</summary>
        public string WithMethod { get; }

        /// <summary>The assembly's shared run-time helpers (see <see cref="RuntimeEmitter"/>), named from CorsGen's namespace.</summary>
        public const string Runtime = "KongCorsRuntime";

        /// <summary><see cref="Runtime"/> as the user's types name it.</summary>
        public string GlobalRuntime { get; }

        /// <summary>The interface each policy's Metadata implements for the shared request path.</summary>
        public const string PolicyInterface = "IKongCorsPolicy";

        /// <summary><see cref="PolicyInterface"/> as the user's types name it.</summary>
        public string GlobalPolicyInterface { get; }

        /// <summary>The <c>[GeneratedCode]</c> attribute on a type or member declared in a user's type or namespace.</summary>
        public static string GlobalGeneratedCodeAttribute { get; } =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";

        /// <summary>The <c>[GeneratedCode]</c> attribute in CorsGen's namespace, which imports <c>System.CodeDom.Compiler</c>.</summary>
        public static string GeneratedCodeAttribute { get; } =
            $"[GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";
    }
}
