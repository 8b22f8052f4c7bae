using CorsGen.Model;

namespace CorsGen.Emit
{
    /// <summary>The names one policy's generated file uses, in one place so every emitter agrees.</summary>
    internal sealed class EmittedNames
    {
        public EmittedNames(PolicyTarget target, CompilationFacts facts)
        {
            PolicyClass = target.GlobalName;
            Policy = "__" + target.FlatName + "Policy";
            Extensions = target.FlatName + "Extensions";
            WithMethod = "With" + target.Name;
            Runtime = "global::" + facts.RuntimeNamespace + ".KongCorsRuntime";
            PolicyInterface = "global::" + facts.RuntimeNamespace + ".IKongCorsPolicy";
        }

        /// <summary>The user's policy class, fully qualified.</summary>
        public string PolicyClass { get; }

        /// <summary>The file-local class holding the policy's request path.</summary>
        public string Policy { get; }

        /// <summary>The public/internal static class holding <see cref="WithMethod"/>.</summary>
        public string Extensions { get; }

        /// <summary>The extension method users call: <c>WithShopCors</c>.</summary>
        public string WithMethod { get; }

        /// <summary>The assembly's shared run-time helpers (see <see cref="RuntimeEmitter"/>).</summary>
        public string Runtime { get; }

        /// <summary>The interface each policy's Metadata implements for the shared request path.</summary>
        public string PolicyInterface { get; }

        public static string GeneratedCodeAttribute { get; } =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";
    }
}
