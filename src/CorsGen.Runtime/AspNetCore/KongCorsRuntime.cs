using System.ComponentModel;

namespace CorsGen
{
    /// <summary>
    /// Kong's <c>cors</c> handler mechanics that every policy shares with ASP.NET Core: reading request headers as Kong does
    /// (R1, R2), <c>Vary</c>, the endpoint filter and the middleware dispatch, the endpoint conventions and the checks run
    /// at startup, R4's path endpoints, logging, metrics and explanations. Its public members are for CorsGen's generated
    /// code and keep their signatures within a package version; application code uses <see cref="KongCorsPolicy"/>,
    /// <c>WithKongCors(...)</c> and <c>UseKongCors()</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class KongCorsRuntime
    {
    }
}
