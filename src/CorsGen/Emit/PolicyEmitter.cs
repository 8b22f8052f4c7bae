using System.Collections.Generic;
using CorsGen.Model;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the one generated file of a policy: the completed policy class (GetAllowOrigin, Evaluate and
    /// <c>Policy</c>, the one object of the policy), its attribute and <c>With...()</c> shorthand, and, file-local, the
    /// policy's <c>KongCorsPolicy</c> and its request path (origin resolution, preflight answer, response headers). What
    /// every policy shares is library code: CorsGen.Runtime (<c>KongCorsPolicy</c>, <c>KongCorsRuntime</c>) and the
    /// attributes assembly's <c>KongCorsRules</c>.
    /// </summary>
    internal static class PolicyEmitter
    {
        public static string Emit(CompiledPolicy policy, CompilationFacts facts)
        {
            var names = new EmittedNames(policy.Target, facts);
            var target = policy.Target;
            var writer = new SourceWriter();
            writer.FileHeader($"[KongCors] on {target.DisplayName}");

            // The user's part: the completed policy class and its With...() extension, in the user's namespace.
            if (target.Namespace is not null)
            {
                writer.Open($"namespace {target.Namespace}");
            }

            WritePolicyClass(writer, policy, names, facts);
            if (facts.HasRuntime)
            {
                writer.Line();
                ExtensionEmitter.Write(writer, policy, names);
            }

            if (target.Namespace is not null)
            {
                writer.Close();
            }

            // CorsGen's part: the request path, file-local, in the assembly's generated namespace.
            writer.Line();
            writer.OpenGeneratedNamespace(facts.RuntimeNamespace, RequestPathUsings(policy, facts));
            if (facts.HasRuntime)
            {
                PolicyObjectEmitter.Write(writer, policy, names);
                writer.Line();
            }

            RequestPathEmitter.Write(writer, policy, names, facts);
            writer.Close();
            return writer.ToString();
        }

        private static string[] RequestPathUsings(CompiledPolicy policy, CompilationFacts facts)
        {
            var usings = new List<string>();
            if (facts.HasRuntime || facts.HasDecision || policy.Origins.HostRegexes is not null || policy.Origins.OriginRegexes is not null)
            {
                usings.Add("System");
            }

            usings.Add("System.CodeDom.Compiler");
            if (facts.HasDecision)
            {
                usings.Add("System.Collections.Generic");
            }

            if (facts.HasRuntime)
            {
                usings.Add("Microsoft.AspNetCore.Http");
                usings.Add("Microsoft.Extensions.Logging");
            }

            if (RequestPathEmitter.IsConfigured(policy))
            {
                usings.Add("CorsGen.Runtime");
                usings.Add("Microsoft.Extensions.Configuration");
            }

            return usings.ToArray();
        }

        private static void WritePolicyClass(SourceWriter writer, CompiledPolicy policy, EmittedNames names, CompilationFacts facts)
        {
            var target = policy.Target;
            foreach (var containing in target.ContainingTypes)
            {
                writer.Open($"{containing.Keyword} {containing.Name}");
            }

            writer.Open($"static partial class {target.Name}");

            if (facts.HasRuntime)
            {
                // The documentation lives with the library's KongCorsPolicy, whose members these are, for the policy's own entries.
                writer.Line("/// <inheritdoc cref=\"global::CorsGen.KongCorsPolicy.GetAllowOrigin(string)\"/>");
            }
            else
            {
                writer.Line("/// <summary>");
                writer.Line("/// The Access-Control-Allow-Origin value this policy sends for a request with the given <c>Origin</c>, or");
                writer.Line("/// <see langword=\"null\"/> when it sends none: <c>*</c> when every origin is allowed, a single literal entry as it");
                writer.Line("/// is, else the request's origin once normalized when an entry matches it (Kong rules O1-O10), and the request's");
                writer.Line("/// own <c>Origin</c> where credentials meet <c>*</c> (C3).");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"requestOrigin\">The request's <c>Origin</c> header (its first value), or <see langword=\"null\"/> when absent.</param>");
            }

            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line("public static string? GetAllowOrigin(string? requestOrigin) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.GetAllowOrigin(requestOrigin{WithoutConfiguration(policy, names)});").Outdent();
            writer.Line();
            if (RequestPathEmitter.IsConfigured(policy) && facts.HasRuntime)
            {
                writer.Line("/// <summary>");
                writer.Line("/// As the other <c>GetAllowOrigin</c>, with the origins the application whose services are given read from its");
                writer.Line($"/// configuration (key <c>{SourceWriter.XmlDoc(policy.Origins.ConfigurationKey!)}</c>); the other overload knows only the attribute's entries.");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"requestOrigin\">The request's <c>Origin</c> header (its first value), or <see langword=\"null\"/> when absent.</param>");
                writer.Line("/// <param name=\"services\">The application's services (<c>app.Services</c>), whose <c>IConfiguration</c> holds the origins.</param>");
                writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
                writer.Line("public static string? GetAllowOrigin(string? requestOrigin, global::System.IServiceProvider services) =>");
                writer.Indent().Line("Policy.ForApplication(services).GetAllowOrigin(requestOrigin);").Outdent();
                writer.Line();
            }

            if (facts.HasDecision)
            {
                WriteEvaluate(writer, policy, names, facts.HasRuntime);
            }

            if (facts.HasRuntime)
            {
                writer.Line("/// <summary>");
                writer.Line($"/// This CORS policy, compiled: <c>WithKongCors({SourceWriter.XmlDoc(target.Name)}.Policy)</c> on a route group or an endpoint,");
                writer.Line($"/// <c>app.UseKongCors({SourceWriter.XmlDoc(target.Name)}.Policy)</c> as the default policy; <c>[{SourceWriter.XmlDoc(target.Name)}]</c> as an attribute.");
                writer.Line("/// </summary>");
                writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
                writer.Line($"public static global::CorsGen.KongCorsPolicy Policy {{ get; }} = new {names.GlobalPolicyObject}();");
            }

            writer.Close();
            if (facts.HasRuntime)
            {
                writer.Line();
                WritePolicyAttribute(writer, policy, names);
            }

            for (var i = 0; i < target.ContainingTypes.Count; i++)
            {
                writer.Close();
            }
        }

        /// <summary>The argument of the static GetAllowOrigin and Evaluate: a configured policy's attribute entries alone.</summary>
        private static string WithoutConfiguration(CompiledPolicy policy, EmittedNames names) =>
            RequestPathEmitter.IsConfigured(policy) ? $", {names.GlobalRequestPath}.WithoutConfiguration" : "";

        /// <summary>The two public <c>Evaluate</c> overloads, which the request path's <c>Evaluate</c> implements.</summary>
        private static void WriteEvaluate(SourceWriter writer, CompiledPolicy policy, EmittedNames names, bool inheritDocs)
        {
            var origins = WithoutConfiguration(policy, names);
            if (inheritDocs)
            {
                writer.Line("/// <inheritdoc cref=\"global::CorsGen.KongCorsPolicy.Evaluate(string, string, string, string)\"/>");
            }
            else
            {
                writer.Line("/// <summary>");
                writer.Line("/// This policy's whole answer to a request with these headers, without an <c>HttpContext</c>: whether it is a");
                writer.Line("/// preflight, whether the origin is allowed, the first origin entry that matched, the rule that decided and the");
                writer.Line("/// exact CORS response headers, in order. For tests (<c>Assert.True(decision.OriginAllowed, decision.ToString())</c>)");
                writer.Line("/// and for explaining a rejection.");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"method\">The request's method (<c>OPTIONS</c> for a preflight).</param>");
                writer.Line("/// <param name=\"origin\">Its <c>Origin</c> header, or <see langword=\"null\"/> when absent.</param>");
                writer.Line("/// <param name=\"requestMethod\">Its <c>Access-Control-Request-Method</c>, or <see langword=\"null\"/> when absent (then it is no preflight).</param>");
                writer.Line("/// <param name=\"requestHeaders\">Its <c>Access-Control-Request-Headers</c>, or <see langword=\"null\"/>.</param>");
            }

            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line("public static global::CorsGen.KongCorsDecision Evaluate(string method, string? origin, string? requestMethod = null, string? requestHeaders = null) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork: false{origins});").Outdent();
            writer.Line();
            if (inheritDocs)
            {
                writer.Line("/// <inheritdoc cref=\"global::CorsGen.KongCorsPolicy.Evaluate(string, string, string, string, bool)\"/>");
            }
            else
            {
                writer.Line("/// <summary>As the other <c>Evaluate</c>, for a request that may ask for private network access (P5).</summary>");
                writer.Line("/// <param name=\"method\">The request's method (<c>OPTIONS</c> for a preflight).</param>");
                writer.Line("/// <param name=\"origin\">Its <c>Origin</c> header, or <see langword=\"null\"/> when absent.</param>");
                writer.Line("/// <param name=\"requestMethod\">Its <c>Access-Control-Request-Method</c>, or <see langword=\"null\"/> when absent.</param>");
                writer.Line("/// <param name=\"requestHeaders\">Its <c>Access-Control-Request-Headers</c>, or <see langword=\"null\"/>.</param>");
                writer.Line("/// <param name=\"requestPrivateNetwork\">Whether it sends <c>Access-Control-Request-Private-Network: true</c>.</param>");
            }

            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line("public static global::CorsGen.KongCorsDecision Evaluate(string method, string? origin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork{origins});").Outdent();
            writer.Line();
        }

        /// <summary>
        /// <c>[ShopCors]</c>: the policy as an attribute, for controllers, actions, Razor Pages and minimal-API handlers,
        /// whose attributes become endpoint metadata; it points at the one <c>Policy</c> object.
        /// </summary>
        private static void WritePolicyAttribute(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            var target = policy.Target;
            writer.Line($"/// <summary>Applies the <see cref=\"{SourceWriter.XmlDoc(target.NestedName)}\"/> CORS policy (see <see cref=\"global::CorsGen.KongCorsPolicyAttribute\"/>).</summary>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Open($"{(target.IsPublic ? "public" : "internal")} sealed class {target.Name}Attribute", ": global::CorsGen.KongCorsPolicyAttribute");
            writer.Line($"/// <summary>Applies <see cref=\"{SourceWriter.XmlDoc(target.NestedName)}.Policy\"/>.</summary>");
            writer.Open($"public {target.Name}Attribute()", $": base({names.PolicyClass}.Policy)").Close();
            writer.Close();
        }
    }
}
