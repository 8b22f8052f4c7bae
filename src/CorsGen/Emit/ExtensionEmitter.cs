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

            writer.Line("/// <summary>");
            writer.Line($"/// Applies the <see cref=\"{SourceWriter.XmlDoc(target.NestedName)}\"/> CORS policy (Kong <c>cors</c> plugin semantics) to endpoints.");
            writer.Line("/// </summary>");
            writer.Line(names.GeneratedCodeAttribute);
            writer.Open($"{accessibility} static class {names.Extensions}");

            writer.Line("/// <summary>");
            writer.Line($"/// Applies the <see cref=\"{SourceWriter.XmlDoc(target.NestedName)}\"/> CORS policy to the endpoints of <paramref name=\"builder\"/>");
            writer.Line("/// (a route group or a single endpoint): an endpoint filter that answers preflights and adds the CORS");
            writer.Line($"/// headers to every other response, and the endpoint metadata <see cref=\"{SourceWriter.XmlDoc(target.NestedName)}.Metadata\"/>.");
            if (!policy.PreflightContinue)
            {
                writer.Line("/// Endpoints mapped for some methods only (<c>MapGet</c>, <c>MapPost</c>...) also accept the CORS preflight");
                writer.Line("/// of those methods, so it reaches the filter instead of getting 405.");
            }

            writer.Line("/// Apply it before other endpoint filters, so a preflight is answered before they run.");
            writer.Line("/// </summary>");
            writer.Line("/// <returns><paramref name=\"builder\"/>, for chaining.</returns>");
            writer.Line(names.GeneratedCodeAttribute);
            writer.Line($"public static TBuilder {names.WithMethod}<TBuilder>(this TBuilder builder)");
            writer.Indent().Line("where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder").Outdent();
            writer.Line("{");
            writer.Indent();
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(builder);");
            writer.Line($"builder.Add(static endpoint => endpoint.Metadata.Add({names.PolicyClass}.Metadata.Instance));");
            writer.Line($"global::Microsoft.AspNetCore.Http.EndpointFilterExtensions.AddEndpointFilter(builder, {names.Filter}.Instance);");
            if (policy.PreflightContinue)
            {
                writer.Line("// P7: preflights are not answered by this policy, so they keep routing as plain OPTIONS requests.");
            }
            else
            {
                writer.Line("// Routing gives a preflight (OPTIONS + Origin + Access-Control-Request-Method: X) to an endpoint mapped");
                writer.Line("// for X only when the endpoint accepts CORS preflights; without it the preflight gets 405. Finally runs");
                writer.Line("// after every other convention, so the flag holds whatever metadata the endpoint ends up with.");
                writer.Line("builder.Finally(static endpoint =>");
                writer.Line("{");
                writer.Indent();
                writer.Line("global::Microsoft.AspNetCore.Routing.IHttpMethodMetadata? methods = null;");
                writer.Line("foreach (var item in endpoint.Metadata)");
                writer.Line("{");
                writer.Indent();
                writer.Line("if (item is global::Microsoft.AspNetCore.Routing.IHttpMethodMetadata candidate)");
                writer.Line("{");
                writer.Indent().Line("methods = candidate;").Outdent();
                writer.Line("}");
                writer.Outdent();
                writer.Line("}");
                writer.Line();
                writer.Line("// Routing reads the last method metadata; endpoints that accept every method need nothing.");
                writer.Line("if (methods is global::Microsoft.AspNetCore.Routing.HttpMethodMetadata settable)");
                writer.Line("{");
                writer.Indent().Line("settable.AcceptCorsPreflight = true;").Outdent();
                writer.Line("}");
                writer.Line("else if (methods is { AcceptCorsPreflight: false })");
                writer.Line("{");
                writer.Indent().Line("endpoint.Metadata.Add(new global::Microsoft.AspNetCore.Routing.HttpMethodMetadata(methods.HttpMethods, acceptCorsPreflight: true));").Outdent();
                writer.Line("}");
                writer.Outdent();
                writer.Line("});");
            }

            writer.Line("return builder;");
            writer.Outdent();
            writer.Line("}");
            writer.Close();
        }
    }
}
