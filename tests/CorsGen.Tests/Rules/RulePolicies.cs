using System.Reflection;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>The rule tests share one compiled set of policies and one host.</summary>
[CollectionDefinition(Name)]
public sealed class RulePoliciesCollection : ICollectionFixture<RulePoliciesFixture>
{
    public const string Name = "Rule policies";
}

/// <summary>
/// The policies the rule tests run against, compiled once with the real generator and hosted on
/// TestServer: group <c>/{PolicyClass}</c> per policy (see <see cref="PolicyHost"/> for its endpoints).
/// </summary>
public sealed class RulePoliciesFixture : IAsyncLifetime
{
    public const string Source = """
        using CorsGen;

        namespace RulePolicies;

        [KongCors]
        public static partial class AllowAll;

        #pragma warning disable CORS003 // C3 is Kong's behaviour; the tests check it holds when the error is suppressed.
        [KongCors(Origins = ["*"], Credentials = true)]
        public static partial class WildcardWithCredentials;

        [KongCors(Origins = ["https://a.test", "*", "https://never.test"], Credentials = true)]
        public static partial class ListWildcardWithCredentials;
        #pragma warning restore CORS003

        [KongCors(Origins = ["https://a.test", "*", "https://never.test"])]
        public static partial class ListWithWildcard;

        [KongCors(Origins = ["https://a.test:443"])]
        public static partial class SingleLiteral;

        [KongCors(Origins = ["https://a.test", "http://b.test:8080", "http://c.test:80", "d.test", "HTTPS://UPPER.test"],
                  Credentials = true, ExposedHeaders = ["X-Total", "X-Request-Id"])]
        public static partial class LiteralList;

        [KongCors(Origins = ["https://a.test", "https://b.test"], Methods = ["GET", "POST", "PURGE"],
                  Headers = ["X-Custom", "Content-Type"], MaxAge = 0, PrivateNetwork = true, ExposedHeaders = ["X-Total"])]
        public static partial class PreflightSettings;

        [KongCors(Origins = ["https://a.test", "https://b.test"], PreflightContinue = true, ExposedHeaders = ["X-Total"])]
        public static partial class Continue;

        [KongCors(Origins = ["https://a.test", "https://b.test"], AllowOriginAbsent = false, Credentials = true, ExposedHeaders = ["X-Total"])]
        public static partial class OriginRequired;

        [KongCors(Origins = [], Methods = [], Headers = [], ExposedHeaders = [])]
        public static partial class EmptyLists;

        // Literal entries whose normal forms are LuaSocket's quirks: matching one proves the request side agrees.
        [KongCors(Origins = ["http://::1:8080", "http://::1", "a.test", "http://a.test:", "http://:80"])]
        public static partial class OddOrigins;
        """;

    public static readonly string[] PolicyClasses =
    [
        "AllowAll", "WildcardWithCredentials", "ListWildcardWithCredentials", "ListWithWildcard", "SingleLiteral",
        "LiteralList", "PreflightSettings", "Continue", "OriginRequired", "EmptyLists", "OddOrigins",
    ];

    internal Assembly Policies { get; private set; } = null!;

    internal PolicyHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Policies = GeneratorRunner.CompileAndLoad(Source);
        Host = await PolicyHost.StartAsync(Policies, PolicyClasses);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Calls the generated public <c>GetAllowOrigin</c> of a policy class.</summary>
    internal string? GetAllowOrigin(string policyClass, string? origin) =>
        (string?)Policies.GetType("RulePolicies." + policyClass, throwOnError: true)!.GetMethod("GetAllowOrigin")!.Invoke(null, [origin]);

    internal Task<HttpResponseMessage> Preflight(string policyClass, string origin, string method = "GET", string path = "/items", params (string, string)[] extra) =>
        Host.SendAsync("OPTIONS", $"/{policyClass}{path}", [("Origin", origin), ("Access-Control-Request-Method", method), .. extra]);

    internal Task<HttpResponseMessage> Get(string policyClass, string? origin, string path = "/items", params (string, string)[] extra) =>
        Host.SendAsync("GET", $"/{policyClass}{path}", origin is null ? extra : [("Origin", origin), .. extra]);
}
