using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>Writes <c>With&lt;Policy&gt;()</c>, the one-line shorthand for <c>WithKongCors(Policy)</c>.</summary>
    internal static class ExtensionEmitter
    {
        public static void Write(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            var target = policy.Target;
            var accessibility = target.IsPublic ? "public" : "internal";
            var cref = SourceWriter.XmlDoc(target.NestedName);

            writer.Line($"/// <summary>Applies the <see cref=\"{cref}\"/> CORS policy to endpoints.</summary>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Open($"{accessibility} static class {names.Extensions}");

            writer.Line("/// <summary>");
            writer.Line($"/// Shorthand for <c>WithKongCors({cref}.Policy)</c>. In a chain under the Request Delegate Generator (PublishAot), write");
            writer.Line("/// that instead: generators cannot see this generated method (CORS014).");
            writer.Line("/// </summary>");
            writer.Line("/// <returns><paramref name=\"builder\"/>, for chaining.</returns>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line($"public static TBuilder {names.WithMethod}<TBuilder>(this TBuilder builder)");
            writer.Indent();
            writer.Line("where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder =>");
            writer.Line($"global::Microsoft.AspNetCore.Builder.KongCorsEndpointConventionBuilderExtensions.WithKongCors(builder, {names.PolicyClass}.Policy);");
            writer.Outdent();
            writer.Close();
        }
    }
}
