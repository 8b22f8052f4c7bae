using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>Writes the endpoint filter that runs a policy on each request of its endpoints.</summary>
    internal static class FilterEmitter
    {
        public static void Write(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            writer.Line("/// <summary>");
            writer.Line($"/// The endpoint filter of <see cref=\"{SourceWriter.XmlDoc(policy.Target.NestedName)}\"/>: answers preflights and decorates every other response.");
            writer.Line("/// </summary>");
            writer.Line(names.GeneratedCodeAttribute);
            writer.Open($"file sealed class {names.Filter} : global::Microsoft.AspNetCore.Http.IEndpointFilter");
            writer.Line($"public static readonly {names.Filter} Instance = new {names.Filter}();");
            writer.Line();
            writer.Line("public global::System.Threading.Tasks.ValueTask<object?> InvokeAsync(");
            writer.Indent();
            writer.Line("global::Microsoft.AspNetCore.Http.EndpointFilterInvocationContext context,");
            writer.Line("global::Microsoft.AspNetCore.Http.EndpointFilterDelegate next)");
            writer.Outdent();
            writer.Line("{");
            writer.Indent();
            writer.Line("var httpContext = context.HttpContext;");
            writer.Line($"if ({EmittedNames.Request}.IsPreflight(httpContext.Request))");
            writer.Line("{");
            writer.Indent();
            if (policy.PreflightContinue)
            {
                writer.Line("// P7: PreflightContinue: the preflight goes on to the application, with no CORS headers from this policy.");
                writer.Line("return next(context);");
            }
            else
            {
                writer.Line("// P1: the preflight is answered here; the endpoint's handler never runs.");
                writer.Line($"{names.Policy}.WritePreflightAnswer(httpContext);");
                writer.Line("return new global::System.Threading.Tasks.ValueTask<object?>(global::Microsoft.AspNetCore.Http.Results.Empty);");
            }

            writer.Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("// A1, A2: every other response gets the headers when it starts, whoever writes it: the handler, an error");
            writer.Line("// result, a later filter, or the exception handler (which clears headers but not OnStarting callbacks).");
            writer.Line("var response = httpContext.Response;");
            writer.Line("if (!response.HasStarted)");
            writer.Line("{");
            writer.Indent().Line($"response.OnStarting({names.Policy}.ApplyResponseHeadersOnStarting, httpContext);").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("return next(context);");
            writer.Outdent();
            writer.Line("}");
            writer.Close();
        }
    }
}
