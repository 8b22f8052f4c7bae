namespace CorsGen.Emit
{
    /// <summary>Which of CorsGen.Runtime's startup checks an application assembly names.</summary>
    internal enum StartupCheck
    {
        /// <summary><c>KongCorsStartupCheck</c>: endpoints whose policy is an attribute need <c>UseKongCors()</c>.</summary>
        Attributes,

        /// <summary><c>KongCorsConfiguredOriginsStartupCheck</c>: that, and configured origins are read and checked at startup.</summary>
        WithConfiguredOrigins,
    }

    /// <summary>
    /// Writes the one line of the startup check that must live in the application's own assembly: the
    /// <c>[assembly: HostingStartup(...)]</c> that makes ASP.NET Core run CorsGen.Runtime's check. It is the one hook that
    /// runs when nothing else of CorsGen does: an app that puts <c>[ShopCors]</c> on its endpoints and never calls
    /// <c>UseKongCors()</c> or <c>WithKongCors(...)</c>. In a library it is written too and stays idle (hosting startups of
    /// other assemblies run only when the app lists them).
    /// </summary>
    internal static class StartupCheckEmitter
    {
        public const string HintName = "CorsGen.KongCorsStartupCheck.g.cs";

        public static string Emit(StartupCheck check)
        {
            var writer = new SourceWriter();
            writer.FileHeader("the startup check that policy attributes run in an app without app.UseKongCors()");
            var type = check == StartupCheck.WithConfiguredOrigins ? "KongCorsConfiguredOriginsStartupCheck" : "KongCorsStartupCheck";
            writer.Line($"[assembly: global::Microsoft.AspNetCore.Hosting.HostingStartup(typeof(global::CorsGen.{type}))]");
            return writer.ToString();
        }
    }
}
