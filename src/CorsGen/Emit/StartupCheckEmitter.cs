using CorsGen.Model;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the startup check of policy attributes: a hosting startup, which ASP.NET Core runs for the application's own
    /// assembly, that adds a startup filter calling <c>CheckAttributesHaveMiddleware</c> once the pipeline is built. It is
    /// the one hook that runs when nothing else of CorsGen does: an app that puts <c>[ShopCors]</c> on its endpoints and
    /// never calls <c>UseKongCors()</c> or any <c>With...()</c>. In a library it is written too and stays idle (hosting
    /// startups of other assemblies run only when the app lists them).
    /// </summary>
    internal static class StartupCheckEmitter
    {
        public const string HintName = "CorsGen.KongCorsStartupCheck.g.cs";

        private const string ClassName = "KongCorsStartupCheck";

        public static string Emit(CompilationFacts facts, RuntimeHelpers helpers)
        {
            var writer = new SourceWriter();
            writer.FileHeader("the startup check that policy attributes run in an app without app.UseKongCors()");

            // An assembly attribute stands outside every namespace, so it names its types with global::.
            writer.Line($"[assembly: global::Microsoft.AspNetCore.Hosting.HostingStartup(typeof(global::{facts.RuntimeNamespace}.{ClassName}))]");
            writer.Line();
            writer.OpenGeneratedNamespace(
                facts.RuntimeNamespace,
                "System", "System.CodeDom.Compiler", "System.ComponentModel", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
                "Microsoft.Extensions.DependencyInjection");
            var configured = (helpers & RuntimeHelpers.ConfiguredOrigins) != 0;
            writer.Lines(StartupCheck.Replace("        @ReadConfiguredOrigins\n", configured ? ReadConfiguredOrigins : "").Split('\n'));
            writer.Close();
            return writer.ToString();
        }

        /// <summary>The call of the check of configured origins, in an assembly that has a policy with OriginsFromConfiguration.</summary>
        private const string ReadConfiguredOrigins =
            "        // Configured origins are read and checked before the application serves: bad configuration stops it here.\n"
            + "        " + EmittedNames.Runtime + ".ReadConfiguredOrigins(app.ApplicationServices);\n";

        private static readonly string StartupCheck = $$"""
            /// <summary>
            /// Reports, when the application starts, each endpoint whose CORS policy is an attribute (<c>[ShopCors]</c>) while
            /// app.UseKongCors() is not in the pipeline: such an endpoint would get no CORS headers at all. ASP.NET Core runs the
            /// hosting startup of the application's assembly (unless the app sets <c>PreventHostingStartup</c>); it adds a
            /// startup filter, which checks after the application has built its pipeline. An app with UseKongCors() pays one
            /// lookup at startup and nothing per request.
            /// </summary>
            {{EmittedNames.GeneratedCodeAttribute}}
            [EditorBrowsable(EditorBrowsableState.Never)]
            internal sealed class {{ClassName}} : IHostingStartup, IStartupFilter
            {
                /// <summary>Adds the startup filter.</summary>
                public void Configure(IWebHostBuilder builder) =>
                    builder.ConfigureServices(static services => services.AddTransient<IStartupFilter, {{ClassName}}>());

                /// <summary>Builds the application's pipeline, then checks its endpoints.</summary>
                public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
                {
                    next(app);
                    @ReadConfiguredOrigins
                    {{EmittedNames.Runtime}}.CheckAttributesHaveMiddleware(app.ApplicationServices);
                };
            }
            """;
    }
}
