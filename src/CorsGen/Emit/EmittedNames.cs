using CorsGen.Model;

namespace CorsGen.Emit
{
    /// <summary>The names one policy's generated file uses, in one place so every emitter agrees.</summary>
    internal sealed class EmittedNames
    {
        public EmittedNames(PolicyTarget target)
        {
            PolicyClass = target.GlobalName;
            Policy = "__" + target.FlatName + "Policy";
            Filter = "__" + target.FlatName + "Filter";
            Extensions = target.FlatName + "Extensions";
            WithMethod = "With" + target.Name;
        }

        /// <summary>The user's policy class, fully qualified.</summary>
        public string PolicyClass { get; }

        /// <summary>The file-local class holding the request path.</summary>
        public string Policy { get; }

        /// <summary>The file-local endpoint filter.</summary>
        public string Filter { get; }

        /// <summary>The public/internal static class holding <see cref="WithMethod"/>.</summary>
        public string Extensions { get; }

        /// <summary>The extension method users call: <c>WithShopCors</c>.</summary>
        public string WithMethod { get; }

        /// <summary>The file-local Kong runtime helpers (request headers, D4 checks).</summary>
        public const string Request = "__KongCorsRequest";

        /// <summary>The file-local origin normalizer (O8).</summary>
        public const string OriginParser = "__KongOrigin";

        public string GeneratedCodeAttribute { get; } =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";
    }
}
