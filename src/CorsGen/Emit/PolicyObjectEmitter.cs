using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the policy's object, file-local: a <c>KongCorsPolicy</c> (CorsGen.Runtime) whose members are the policy's
    /// request path. The user's class exposes its one instance as <c>Policy</c>. A policy with
    /// <c>OriginsFromConfiguration</c> also makes one instance per application, holding the origins read from its
    /// configuration; the library keeps them.
    /// </summary>
    internal static class PolicyObjectEmitter
    {
        public static void Write(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            var configured = RequestPathEmitter.IsConfigured(policy);
            var path = names.RequestPath;
            var preflightContinue = policy.PreflightContinue ? "true" : "false";
            writer.Line("/// <summary>");
            writer.Line($"/// The <c>{SourceWriter.XmlDoc(policy.Target.DisplayName)}</c> policy as the runtime library runs it: <c>{SourceWriter.XmlDoc(policy.Target.DisplayName)}.Policy</c>.");
            writer.Line("/// </summary>");
            writer.Line(EmittedNames.GeneratedCodeAttribute);
            writer.Open($"file sealed class {names.PolicyObject} : KongCorsPolicy");
            string origins;
            string originsOfRequest;
            if (configured)
            {
                writer.Line("/// <summary>The origins of an application's instance; null for the policy's identity.</summary>");
                writer.Line("private readonly KongCorsConfiguredOrigins? _origins;");
                writer.Line();
                writer.Line("/// <summary>The policy's identity, whose origins are the attribute's alone until an application's are read.</summary>");
                writer.Open($"internal {names.PolicyObject}()", $": base({path}.PolicyName, preflightContinue: {preflightContinue}, {path}.ConfigurationKey)").Close();
                writer.Line();
                writer.Line("/// <summary>One application's instance, with the origins read from its configuration.</summary>");
                writer.Open($"private {names.PolicyObject}(KongCorsConfiguredOrigins origins)", $": base({path}.PolicyName, preflightContinue: {preflightContinue})");
                writer.Line("_origins = origins;");
                writer.Close();
                writer.Line();
                writer.Line("/// <summary>The origins this instance answers with: the application's, or the attribute's alone for the identity.</summary>");
                writer.Line($"private KongCorsConfiguredOrigins Origins => _origins ?? {path}.WithoutConfiguration;");
                writer.Line();
                writer.Line("/// <summary>The origins of the request's application: the identity serves with its application's instance's.</summary>");
                writer.Line("private KongCorsConfiguredOrigins OriginsFor(HttpContext httpContext) =>");
                writer.Indent().Line($"_origins ?? (({names.PolicyObject})ForApplication(httpContext.RequestServices)).Origins;").Outdent();
                writer.Line();
                writer.Line("protected override KongCorsPolicy CreateForApplication(IConfiguration configuration, IServiceProvider services) =>");
                writer.Indent().Line($"new {names.PolicyObject}({path}.ReadOrigins(configuration, services));").Outdent();
                writer.Line();
                origins = ", Origins";
                originsOfRequest = ", OriginsFor(httpContext)";
            }
            else
            {
                writer.Open($"internal {names.PolicyObject}()", $": base({path}.PolicyName, preflightContinue: {preflightContinue})").Close();
                writer.Line();
                origins = "";
                originsOfRequest = "";
            }

            writer.Line($"public override string? GetAllowOrigin(string? requestOrigin) => {path}.GetAllowOrigin(requestOrigin{origins});");
            writer.Line();
            writer.Line("public override KongCorsDecision Evaluate(string method, string? origin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork) =>");
            writer.Indent().Line($"{path}.Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork{origins});").Outdent();
            writer.Line();
            writer.Line("protected override void WritePreflightAnswer(HttpContext httpContext, string requestOrigin, ILogger? logger) =>");
            writer.Indent().Line(policy.PreflightContinue
                ? "throw new InvalidOperationException(\"P7: this policy lets preflights continue; it does not answer them.\");"
                : $"{path}.WritePreflightAnswer(httpContext, requestOrigin, logger{originsOfRequest});").Outdent();
            writer.Line();
            writer.Line($"protected override void ApplyResponseHeaders(HttpContext httpContext) => {path}.ApplyResponseHeaders(httpContext{originsOfRequest});");
            writer.Close();
        }
    }
}
