using System.Text;
using CorsGen.Policy;
using CorsGen.Tests.Infrastructure;
using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Emit;

/// <summary>
/// O8 is implemented twice: at build time for literal entries (<see cref="KongOrigin"/>) and in the
/// generated runtime for request origins. Random origin-like strings must normalize the same way in
/// both, host included, or a literal entry could fail to match its own origin.
/// </summary>
public sealed class NormalizationDifferentialTests
{
    private const string Source = """
        using CorsGen;
        namespace Normalizing;

        // (?:.*) has a ':', so it is matched against the whole normalized origin and matches every one:
        // the answer is the runtime's normalized origin.
        [KongCors(Origins = ["(?:.*)", "https://unused.invalid"])]
        public static partial class Everything;

        // No ':': matched against the host alone.
        [KongCors(Origins = [@"a\.test", "https://unused.invalid"])]
        public static partial class HostIsATest;
        """;

    private static readonly string[] Schemes = ["http", "https", "HTTP", "h2", "git+ssh", "1a", "", "-x", "a.b"];
    private static readonly string[] Hosts = ["a.test", "A.TEST", "[::1]", "[a.test]", "::1", "", "a.test.", "xa.test", "a.testx", "a.test\\"];
    private static readonly string[] Ports = ["", ":80", ":443", ":8080", ":", ":x", "::80", ":80]"];
    private static readonly string[] Tails = ["", "/", "/p/q", "?q=1", "#f", "/a#b?c", ";p", "?a/b", "#"];

    [Fact]
    public void Runtime_normalization_equals_build_time_normalization()
    {
        var assembly = GeneratorRunner.CompileAndLoad(Source);
        var everything = GetAllowOrigin(assembly, "Everything");
        var hostIsATest = GetAllowOrigin(assembly, "HostIsATest");
        using var hostRegex = Pcre2.Create(@"a\.test$");
        var random = new Random(42);
        var failures = new List<string>();
        var checkedCount = 0;
        for (var n = 0; n < 20_000 && failures.Count < 20; n++)
        {
            var origin = RandomOrigin(random);
            if (CorsGen.Tests.Rules.Ascii.IsVisible(origin) is false)
            {
                continue;
            }

            checkedCount++;
            var expected = KongOrigin.Normalize(origin);
            var domain = everything(origin);
            if (domain != expected.Domain)
            {
                failures.Add($"'{origin}': runtime domain '{domain}', build time '{expected.Domain}'");
            }

            var hostMatches = hostRegex.IsAnchoredMatch(expected.Host);
            if ((hostIsATest(origin) is not null) != hostMatches)
            {
                failures.Add($"'{origin}': runtime host {(hostMatches ? "did not match" : "matched")} a\\.test; build-time host '{expected.Host}'");
            }
        }

        Assert.True(checkedCount > 15_000, $"only {checkedCount} origins were checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Func<string?, string?> GetAllowOrigin(System.Reflection.Assembly assembly, string policy) =>
        assembly.GetType("Normalizing." + policy, throwOnError: true)!.GetMethod("GetAllowOrigin")!.CreateDelegate<Func<string?, string?>>();

    private static string RandomOrigin(Random random)
    {
        var builder = new StringBuilder();
        var scheme = Schemes[random.Next(Schemes.Length)];
        builder.Append(scheme);
        if (random.Next(8) != 0)
        {
            builder.Append(scheme.Length > 0 || random.Next(2) == 0 ? "://" : "//");
        }

        if (random.Next(6) == 0)
        {
            builder.Append(random.Next(2) == 0 ? "user@" : "u:p@x@");
        }

        builder.Append(Hosts[random.Next(Hosts.Length)]);
        builder.Append(Ports[random.Next(Ports.Length)]);
        builder.Append(Tails[random.Next(Tails.Length)]);
        return builder.ToString();
    }
}
