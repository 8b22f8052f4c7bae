using System.Collections.Generic;
using CorsGen.Model;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the one generated file of a policy: the completed policy class (GetAllowOrigin,
    /// Metadata), the <c>With...()</c> extension, and the file-local request path (origin
    /// resolution, preflight answer, response headers). The mechanics every policy shares are in
    /// the assembly's runtime file (<see cref="RuntimeEmitter"/>).
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
            if (facts.HasAspNetCore)
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
            RequestPathEmitter.Write(writer, policy, names, facts);
            writer.Close();
            return writer.ToString();
        }

        private static string[] RequestPathUsings(CompiledPolicy policy, CompilationFacts facts)
        {
            var usings = new List<string>();
            if (facts.HasAspNetCore || facts.HasDecision || policy.Origins.HostRegexes is not null || policy.Origins.OriginRegexes is not null)
            {
                usings.Add("System");
            }

            usings.Add("System.CodeDom.Compiler");
            if (facts.HasDecision)
            {
                usings.Add("System.Collections.Generic");
            }

            if (facts.HasAspNetCore)
            {
                usings.Add("System.Threading.Tasks");
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

            writer.Line("/// <summary>");
            writer.Line("/// The Access-Control-Allow-Origin value this policy sends for a request with the given <c>Origin</c>, or");
            writer.Line("/// <see langword=\"null\"/> when it sends none: <c>*</c> when every origin is allowed, a single literal entry as it");
            writer.Line("/// is, else the request's origin once normalized when an entry matches it (Kong rules O1-O10), and the request's");
            writer.Line("/// own <c>Origin</c> where credentials meet <c>*</c> (C3).");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"requestOrigin\">The request's <c>Origin</c> header (its first value), or <see langword=\"null\"/> when absent.</param>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line("public static string? GetAllowOrigin(string? requestOrigin) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.GetAllowOrigin(requestOrigin{WithoutConfiguration(policy, names)});").Outdent();
            writer.Line();
            if (RequestPathEmitter.IsConfigured(policy))
            {
                writer.Line("/// <summary>");
                writer.Line("/// As the other <c>GetAllowOrigin</c>, with the origins the application whose services are given read from its");
                writer.Line($"/// configuration (key <c>{SourceWriter.XmlDoc(policy.Origins.ConfigurationKey!)}</c>); the other overload knows only the attribute's entries.");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"requestOrigin\">The request's <c>Origin</c> header (its first value), or <see langword=\"null\"/> when absent.</param>");
                writer.Line("/// <param name=\"services\">The application's services (<c>app.Services</c>), whose <c>IConfiguration</c> holds the origins.</param>");
                writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
                writer.Line("public static string? GetAllowOrigin(string? requestOrigin, global::System.IServiceProvider services) =>");
                writer.Indent().Line($"{names.GlobalRequestPath}.GetAllowOrigin(requestOrigin, Metadata.For(services).Origins);").Outdent();
                writer.Line();
            }

            if (facts.HasDecision)
            {
                WriteEvaluate(writer, policy, names);
            }

            writer.Line("/// <summary>");
            writer.Line($"/// Endpoint metadata that marks an endpoint as governed by the <see cref=\"{target.Name}\"/> CORS policy.");
            writer.Line($"/// <c>With{target.Name}()</c> adds <see cref=\"Instance\"/> to every endpoint it applies to; <c>UseKongCors()</c>");
            writer.Line("/// finds the policy of an endpoint through it.");
            writer.Line("/// </summary>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            var bases = new List<string>();
            if (facts.HasAspNetCore)
            {
                bases.Add("global::Microsoft.AspNetCore.Http.IMiddleware");
                bases.Add(names.GlobalPolicyInterface);
            }

            if (facts.HasDecision)
            {
                bases.Add(DiagnosticsInterface);
            }

            if (bases.Count > 0)
            {
                writer.Open("public sealed class Metadata", ": " + string.Join(", ", bases));
            }
            else
            {
                writer.Open("public sealed class Metadata");
            }

            if (RequestPathEmitter.IsConfigured(policy))
            {
                WriteApplicationInstances(writer, policy, names);
            }
            else
            {
                writer.Open("private Metadata()").Close();
                writer.Line();
                writer.Line("/// <summary>The one instance, shared by every endpoint of this policy.</summary>");
                writer.Line("public static Metadata Instance { get; } = new Metadata();");
                writer.Line();
            }

            writer.Line("/// <summary>The policy class's full name.</summary>");
            writer.Line($"public string PolicyName => {names.GlobalRequestPath}.PolicyName;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override string ToString() => {SourceWriter.Literal("[KongCors] " + target.DisplayName)};");
            if (facts.HasAspNetCore)
            {
                writer.Line();
                WritePolicyInterfaceMembers(writer, policy, names, ofAttribute: false);
            }

            if (facts.HasDecision)
            {
                writer.Line();
                WriteDiagnosticsMembers(writer, policy, names, RequestPathEmitter.IsConfigured(policy) ? ", Origins" : "");
            }

            writer.Close();

            writer.Close();
            if (facts.HasAspNetCore)
            {
                writer.Line();
                WritePolicyAttribute(writer, policy, names, facts);
            }

            for (var i = 0; i < target.ContainingTypes.Count; i++)
            {
                writer.Close();
            }
        }

        /// <summary>The argument of the static GetAllowOrigin and Evaluate: a configured policy's attribute entries alone.</summary>
        private static string WithoutConfiguration(CompiledPolicy policy, EmittedNames names) =>
            RequestPathEmitter.IsConfigured(policy) ? $", {names.GlobalRequestPath}.WithoutConfiguration" : "";

        private const string ConfiguredOriginsType = "global::CorsGen.Runtime.KongCorsConfiguredOrigins";

        /// <summary>
        /// OriginsFromConfiguration: one <c>Metadata</c> per application, holding the origins read from its configuration,
        /// and <c>Instance</c>, the policy's identity, which finds the application's instance from the request when it serves.
        /// </summary>
        private static void WriteApplicationInstances(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            writer.Line("private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<global::Microsoft.Extensions.Configuration.IConfiguration, Metadata> s_applications = new();");
            writer.Line();
            writer.Line("/// <summary>The configured origins of this application's instance; null for <see cref=\"Instance\"/>.</summary>");
            writer.Line($"private readonly {ConfiguredOriginsType}? _origins;");
            writer.Line();
            writer.Line("/// <summary>A1-A4: the OnStarting callback, made once per instance so the request path allocates nothing.</summary>");
            writer.Line("private readonly global::System.Func<object, global::System.Threading.Tasks.Task> _applyResponseHeadersOnStarting;");
            writer.Line();
            writer.Open($"private Metadata({ConfiguredOriginsType}? origins)");
            writer.Line("_origins = origins;");
            writer.Open("_applyResponseHeadersOnStarting = state =>");
            writer.Line("var httpContext = (global::Microsoft.AspNetCore.Http.HttpContext)state;");
            writer.Line($"{names.GlobalRequestPath}.ApplyResponseHeaders(httpContext, OriginsFor(httpContext));");
            writer.Line("return global::System.Threading.Tasks.Task.CompletedTask;");
            writer.Close(";");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// The policy's identity, which <c>[{SourceWriter.XmlDoc(policy.Target.Name)}]</c> attributes and <c>UseKongCors(defaultPolicy)</c> name. Its origins");
            writer.Line("/// differ per application: when it serves a request itself, it finds its application's instance from the request.");
            writer.Line("/// </summary>");
            writer.Line("public static Metadata Instance { get; } = new Metadata(null);");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// This policy for the application whose services are given: its origins are the attribute's, then those under");
            writer.Line($"/// the configuration key <c>{SourceWriter.XmlDoc(policy.Origins.ConfigurationKey!)}</c>, read and checked once per application. A bad entry, a");
            writer.Line("/// <c>*</c> with credentials or an empty combined list throws <c>CorsGen.Runtime.KongCorsConfigurationException</c>,");
            writer.Line("/// naming the key, each bad entry's index and the analyzer's message.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"services\">The application's services (<c>app.Services</c>, <c>EndpointBuilder.ApplicationServices</c>).</param>");
            writer.Line("/// <returns>The application's instance of the policy.</returns>");
            writer.Open("public static Metadata For(global::System.IServiceProvider? services)");
            writer.Line("var configuration = services?.GetService(typeof(global::Microsoft.Extensions.Configuration.IConfiguration)) as global::Microsoft.Extensions.Configuration.IConfiguration");
            writer.Indent().Line($"?? throw new global::System.InvalidOperationException(\"CORS policy {SourceWriter.XmlDoc(policy.Target.DisplayName).Replace("\"", "")} reads its origins from configuration, but the application's services have no IConfiguration.\");").Outdent();
            writer.Open("if (s_applications.TryGetValue(configuration, out var metadata))");
            writer.Line("return metadata;");
            writer.Close();
            writer.Line();
            writer.Line("// Once per application: its warnings are logged once, and a failure is thrown again on every call.");
            writer.Open("lock (s_applications)");
            writer.Open("if (!s_applications.TryGetValue(configuration, out metadata))");
            writer.Line($"metadata = new Metadata({names.GlobalRequestPath}.ReadOrigins(configuration, services!));");
            writer.Line("s_applications.Add(configuration, metadata);");
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line("return metadata;");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The origins this instance answers with: the application's, or the attribute's alone for <see cref=\"Instance\"/>.</summary>");
            writer.Line($"internal {ConfiguredOriginsType} Origins => _origins ?? {names.GlobalRequestPath}.WithoutConfiguration;");
            writer.Line();
            writer.Line("/// <summary>The origins of the request's application.</summary>");
            writer.Line($"internal {ConfiguredOriginsType} OriginsFor(global::Microsoft.AspNetCore.Http.HttpContext httpContext) =>");
            writer.Indent().Line("_origins ?? For(httpContext.RequestServices).Origins;").Outdent();
            writer.Line();
            writer.Line("/// <summary>The OnStarting callback of this instance (A1-A4).</summary>");
            writer.Line("internal global::System.Func<object, global::System.Threading.Tasks.Task> ApplyResponseHeadersOnStarting => _applyResponseHeadersOnStarting;");
            writer.Line();
        }

        /// <summary>The interface CorsGen's metrics and explanations read a policy through, from any assembly.</summary>
        private const string DiagnosticsInterface = "global::CorsGen.IKongCorsPolicyDiagnostics";

        /// <summary>The members of <see cref="DiagnosticsInterface"/>, shared by <c>Metadata</c> and the policy's attribute.</summary>
        private static void WriteDiagnosticsMembers(SourceWriter writer, CompiledPolicy policy, EmittedNames names, string origins)
        {
            writer.Line($"string {DiagnosticsInterface}.PolicyName => {names.GlobalRequestPath}.PolicyName;");
            writer.Line();
            writer.Line($"bool {DiagnosticsInterface}.PreflightContinue => {(policy.PreflightContinue ? "true" : "false")};");
            writer.Line();
            writer.Line($"string {DiagnosticsInterface}.ResultOf(string? requestOrigin) => {names.GlobalRequestPath}.ResultOf(requestOrigin{origins});");
            writer.Line();
            writer.Line($"global::CorsGen.KongCorsDecision {DiagnosticsInterface}.Evaluate(string method, string? origin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork{origins});").Outdent();
        }

        /// <summary>The two public <c>Evaluate</c> overloads, which the request path's <c>Evaluate</c> implements.</summary>
        private static void WriteEvaluate(SourceWriter writer, CompiledPolicy policy, EmittedNames names)
        {
            var origins = WithoutConfiguration(policy, names);
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
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line("public static global::CorsGen.KongCorsDecision Evaluate(string method, string? origin, string? requestMethod = null, string? requestHeaders = null) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork: false{origins});").Outdent();
            writer.Line();
            writer.Line("/// <summary>As the other <c>Evaluate</c>, for a request that may ask for private network access (P5).</summary>");
            writer.Line("/// <param name=\"method\">The request's method (<c>OPTIONS</c> for a preflight).</param>");
            writer.Line("/// <param name=\"origin\">Its <c>Origin</c> header, or <see langword=\"null\"/> when absent.</param>");
            writer.Line("/// <param name=\"requestMethod\">Its <c>Access-Control-Request-Method</c>, or <see langword=\"null\"/> when absent.</param>");
            writer.Line("/// <param name=\"requestHeaders\">Its <c>Access-Control-Request-Headers</c>, or <see langword=\"null\"/>.</param>");
            writer.Line("/// <param name=\"requestPrivateNetwork\">Whether it sends <c>Access-Control-Request-Private-Network: true</c>.</param>");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Line("public static global::CorsGen.KongCorsDecision Evaluate(string method, string? origin, string? requestMethod, string? requestHeaders, bool requestPrivateNetwork) =>");
            writer.Indent().Line($"{names.GlobalRequestPath}.Evaluate(method, origin, requestMethod, requestHeaders, requestPrivateNetwork{origins});").Outdent();
            writer.Line();
        }

        /// <summary>
        /// The members of the runtime's policy interface and of <c>IMiddleware</c>, shared by <c>Metadata</c> and the policy's
        /// attribute: both are the policy to the shared request path, with <c>Metadata.Instance</c> as its one identity (a
        /// non-configured Metadata is that instance). A configured policy's attribute serves with <c>Metadata.Instance</c>'s
        /// origins; a configured Metadata with its own.
        /// </summary>
        private static void WritePolicyInterfaceMembers(SourceWriter writer, CompiledPolicy policy, EmittedNames names, bool ofAttribute)
        {
            var configured = RequestPathEmitter.IsConfigured(policy);
            var metadata = $"{names.PolicyClass}.Metadata.Instance";
            var identity = ofAttribute ? metadata : configured ? "Instance" : "this";
            var origins = ofAttribute ? metadata + "." : "";
            var forApplication = !configured ? "this;" : ofAttribute ? $"{names.PolicyClass}.Metadata.For(services);" : "_origins is null ? For(services) : this;";
            writer.Line($"bool {names.GlobalPolicyInterface}.PreflightContinue => {(policy.PreflightContinue ? "true" : "false")};");
            writer.Line();
            writer.Line($"void {names.GlobalPolicyInterface}.WritePreflightAnswer(");
            writer.Indent();
            writer.Line("global::Microsoft.AspNetCore.Http.HttpContext httpContext,");
            writer.Line("string requestOrigin,");
            writer.Line("global::Microsoft.Extensions.Logging.ILogger? logger) =>");
            writer.Line(policy.PreflightContinue
                ? "throw new global::System.InvalidOperationException(\"P7: this policy lets preflights continue; it does not answer them.\");"
                : $"{names.GlobalRequestPath}.WritePreflightAnswer(httpContext, requestOrigin, logger{(configured ? $", {origins}OriginsFor(httpContext)" : "")});");
            writer.Outdent();
            writer.Line();
            writer.Line($"global::System.Func<object, global::System.Threading.Tasks.Task> {names.GlobalPolicyInterface}.ApplyResponseHeadersOnStarting =>");
            writer.Indent().Line(configured ? $"{origins}ApplyResponseHeadersOnStarting;" : $"{names.GlobalRequestPath}.ApplyResponseHeadersOnStarting;").Outdent();
            writer.Line();
            writer.Line($"object {names.GlobalPolicyInterface}.Policy => {identity};");
            writer.Line();
            writer.Line($"{names.GlobalPolicyInterface} {names.GlobalPolicyInterface}.ForApplication(global::System.IServiceProvider services) =>");
            writer.Indent().Line(forApplication).Outdent();
            writer.Line();
            writer.Line("/// <summary>Runs this policy for one request, as <c>UseKongCors()</c> does for the endpoints that carry it.</summary>");
            writer.Line("global::System.Threading.Tasks.Task global::Microsoft.AspNetCore.Http.IMiddleware.InvokeAsync(");
            writer.Indent();
            writer.Line("global::Microsoft.AspNetCore.Http.HttpContext context,");
            writer.Line("global::Microsoft.AspNetCore.Http.RequestDelegate next) =>");
            writer.Line($"{names.GlobalRuntime}.Invoke(this, context, next);");
            writer.Outdent();
        }

        /// <summary>
        /// <c>[ShopCors]</c>: the policy as an attribute, for controllers, actions, Razor Pages and minimal-API handlers,
        /// whose attributes become endpoint metadata. It is the policy to <c>UseKongCors()</c>: every member delegates to the
        /// one <c>Metadata</c> instance.
        /// </summary>
        private static void WritePolicyAttribute(SourceWriter writer, CompiledPolicy policy, EmittedNames names, CompilationFacts facts)
        {
            var target = policy.Target;
            writer.Line("/// <summary>");
            writer.Line($"/// Applies the <see cref=\"{SourceWriter.XmlDoc(target.Name)}\"/> CORS policy to a controller or an action, a Razor Pages page model or");
            writer.Line("/// handler, or a minimal-API handler. Needs <c>app.UseKongCors()</c> (an attribute cannot add an endpoint filter).");
            writer.Line($"/// The closest wins: an action's attribute over its controller's, either over <c>{names.WithMethod}()</c>; ASP.NET Core's");
            writer.Line("/// <c>[DisableCors]</c> closer still opts the endpoint out.");
            writer.Line("/// </summary>");
            writer.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Method, AllowMultiple = false, Inherited = true)]");
            writer.Line(EmittedNames.GlobalGeneratedCodeAttribute);
            writer.Open(
                $"{(target.IsPublic ? "public" : "internal")} sealed class {target.Name}Attribute",
                $": global::System.Attribute, global::Microsoft.AspNetCore.Http.IMiddleware, {names.GlobalPolicyInterface}{(facts.HasDecision ? ", " + DiagnosticsInterface : "")}");
            writer.Line($"string {names.GlobalPolicyInterface}.PolicyName => {names.GlobalRequestPath}.PolicyName;");
            writer.Line();
            WritePolicyInterfaceMembers(writer, policy, names, ofAttribute: true);
            if (facts.HasDecision)
            {
                writer.Line();
                WriteDiagnosticsMembers(writer, policy, names, WithoutConfiguration(policy, names));
            }

            writer.Close();
        }
    }
}
