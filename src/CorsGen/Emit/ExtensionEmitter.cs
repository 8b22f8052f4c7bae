using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>Writes <c>With&lt;Policy&gt;()</c>, the one call that applies a policy to endpoints.</summary>
    internal static class ExtensionEmitter
    {
        public static void Write(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            var target = policy.Target;
            var accessibility = target.IsPublic ? "public" : "internal";
            var cref = SourceWriter.XmlDoc(target.NestedName);

            writer.Line("/// <summary>");
            writer.Line($"/// Applies the <see cref=\"{cref}\"/> CORS policy (Kong <c>cors</c> plugin semantics) to endpoints.");
            writer.Line("/// </summary>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Open($"{accessibility} static class {names.Extensions}");

            writer.Line("/// <summary>");
            writer.Line($"/// Applies the <see cref=\"{cref}\"/> CORS policy to the endpoints of <paramref name=\"builder\"/> (a route group");
            writer.Line($"/// or a single endpoint): the endpoint metadata <see cref=\"{cref}.Metadata\"/>, and an endpoint filter that answers");
            writer.Line("/// preflights and adds the CORS headers to every other response (left out when <c>app.UseKongCors()</c> does");
            writer.Line("/// that work before authentication).");
            if (!policy.PreflightContinue)
            {
                writer.Line("/// Endpoints mapped for some methods only (<c>MapGet</c>, <c>MapPost</c>...) also accept the CORS preflight");
                writer.Line("/// of those methods, so it reaches the policy instead of getting 405.");
            }

            writer.Line("/// Apply it before other endpoint filters, so a preflight is answered before they run.");
            writer.Line("/// </summary>");
            writer.Line("/// <returns><paramref name=\"builder\"/>, for chaining.</returns>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Open(
                $"public static TBuilder {names.WithMethod}<TBuilder>(this TBuilder builder)",
                "where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(builder);");
            if (RequestPathEmitter.IsConfigured(policy))
            {
                writer.Open("if (builder is global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder routes)");
                writer.Line("// A group: its application's configured origins are read and checked now, so bad configuration stops the");
                writer.Line("// application where it maps its endpoints.");
                writer.Line($"{names.PolicyClass}.Metadata.For(routes.ServiceProvider);");
                writer.Close();
                writer.Line();
                writer.Open("builder.Add(static endpoint =>");
                writer.Line("// The application's own instance of the policy, holding the origins read from its configuration.");
                writer.Line($"var policy = {names.PolicyClass}.Metadata.For(endpoint.ApplicationServices);");
                writer.Line("endpoint.Metadata.Add(policy);");
                writer.Line($"endpoint.FilterFactories.Add((_, next) => {names.GlobalRuntime}.CreateFilter(endpoint, policy, next));");
                writer.Close(");");
            }
            else
            {
                writer.Open("builder.Add(static endpoint =>");
                writer.Line($"endpoint.Metadata.Add({names.PolicyClass}.Metadata.Instance);");
                writer.Line("endpoint.FilterFactories.Add((_, next) =>");
                writer.Indent().Line($"{names.GlobalRuntime}.CreateFilter(endpoint, {names.PolicyClass}.Metadata.Instance, next));").Outdent();
                writer.Close(");");
            }

            writer.Line("// Runs once the endpoint's metadata is complete: preflight routing and the checks logged at startup.");
            writer.Line($"{names.GlobalRuntime}.AddFinishConvention(builder, {names.PolicyClass}.Metadata.Instance);");
            writer.Line("return builder;");
            writer.Close();
            writer.Close();
        }
    }
}
