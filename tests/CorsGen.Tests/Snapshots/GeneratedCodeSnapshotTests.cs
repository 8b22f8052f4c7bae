using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Snapshots;

/// <summary>
/// The whole generated file of representative policies, approved by a reviewer. A change to the
/// emitted code shows up as a diff of an <c>.approved.cs</c> file. The tool version is scrubbed.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("Approved")]
public sealed class GeneratedCodeSnapshotTests
{
    [Fact]
    public void Allow_all_origins() => Verify(
        """
        [KongCors]
        public static partial class PublicCors;
        """,
        "Shop.PublicCors");

    [Fact]
    public void Single_literal_origin() => Verify(
        """
        [KongCors(Origins = ["https://admin.example.com"], Methods = ["GET", "PATCH"], AllowOriginAbsent = false)]
        internal static partial class AdminCors;
        """,
        "Shop.AdminCors");

    [Fact]
    public void Host_only_literal_list() => Verify(
        """
        [KongCors(Origins = ["foo.test", "bar.test"])]
        internal static partial class HostOnlyCors;
        """,
        "Shop.HostOnlyCors");

    [Fact]
    public void Literal_list_with_credentials() => Verify(
        """
        [KongCors(Origins = ["https://shop.example.com", "http://localhost:3000", "https://partner.test:443"], Credentials = true)]
        public static partial class PartnerCors;
        """,
        "Shop.PartnerCors");

    [Fact]
    public void Exposed_headers_max_age_and_private_network() => Verify(
        """
        [KongCors(Origins = ["https://intranet.example.com", "http://192.168.1.10:8080"], Headers = ["Content-Type", "X-Api-Key"],
                  ExposedHeaders = ["X-Total-Count"], MaxAge = 3600, PrivateNetwork = true)]
        internal static partial class DeviceCors;
        """,
        "Shop.DeviceCors");

    [Fact]
    public void Preflight_continue() => Verify(
        """
        [KongCors(Origins = ["https://a.example.com", "https://b.example.com"], PreflightContinue = true, ExposedHeaders = ["X-Trace"])]
        internal static partial class LegacyCors;
        """,
        "Shop.LegacyCors");

    [Fact]
    public void Wildcard_entry_with_credentials_nested_in_a_partial_type() => Verify(
        """
        public static partial class Api
        {
        #pragma warning disable CORS003
            [KongCors(Origins = ["https://first.example.com", "*"], Credentials = true)]
            public static partial class EmbedCors;
        }
        """,
        "Shop.Api.EmbedCors");

    [Fact]
    public void Host_only_regex_entries() => Verify(
        """
        [KongCors(Origins = [@"foo\.test", @"(.*[./])?bar\.test"], Credentials = true)]
        internal static partial class HostRegexCors;
        """,
        "Shop.HostRegexCors");

    [Fact]
    public void Origin_regex_with_a_literal_prefix() => Verify(
        """
        [KongCors(Origins = [@"https://(.+\.)?example\.com"], Methods = ["GET", "POST"], MaxAge = 3600)]
        public static partial class SubdomainCors;
        """,
        "Shop.SubdomainCors");

    [Fact]
    public void Literals_host_regexes_and_origin_regexes() => Verify(
        """
        [KongCors(Origins = ["https://shop.example.com", "partner.test", @"^https?://localhost(:\d+)?$", @"[a-z]+\.internal\.test"])]
        internal static partial class MixedCors;
        """,
        "Shop.MixedCors");

    /// <summary>O5: a '*' anywhere in the list answers every Origin; no other entry is compiled.</summary>
    [Fact]
    public void Star_in_a_list() => Verify(
        """
        #pragma warning disable CORS043
        [KongCors(Origins = ["https://shop.example.com", @"[a-z]+\.internal\.test", "*"])]
        internal static partial class StarCors;
        """,
        "Shop.StarCors");

    [Fact]
    public void Large_automata_as_tables_and_as_an_nfa_past_the_state_cap() => Verify(
        """
        #pragma warning disable CORS011
        [KongCors(Origins = ["https://a.test", @"https://(a|b)*a(a|b){8}\.test", @"(x|y)*x(x|y){12}\.test"])]
        internal static partial class LargeCors;
        """,
        "Shop.LargeCors");

    [Fact]
    public void Mid_size_automaton_as_a_class_switch() => Verify(
        """
        [KongCors(Origins = [@"https://(a|b)*a(a|b){5}\.test"])]
        internal static partial class MidCors;
        """,
        "Shop.MidCors");

    /// <summary>More literal entries than a switch holds well: a sorted array searched by the library's FindLiteral.</summary>
    [Fact]
    public void Long_literal_list_by_binary_search() => Verify(
        $$"""
        [KongCors(Origins = [{{string.Join(", ", Enumerable.Range(0, 129).Select(i => $"\"https://s{i}.example.com\""))}}])]
        internal static partial class LongListCors;
        """,
        "Shop.LongListCors");

    [Fact]
    public void Origins_from_configuration_after_the_attributes_entries() => Verify(
        """
        [KongCors(Origins = ["https://shop.example.com", @"[a-z]+\.internal\.test"], OriginsFromConfiguration = "Cors:Origins", Credentials = true, MaxAge = 600)]
        internal static partial class PartnerCors;
        """,
        "Shop.PartnerCors");

    [Fact]
    public void Startup_check_with_configured_origins() => Verify(
        """
        [KongCors(OriginsFromConfiguration = "Cors:Origins")]
        internal static partial class PartnerCors;
        """,
        "CorsGen.KongCorsStartupCheck",
        hint: "CorsGen.KongCorsStartupCheck.g.cs");

    [Fact]
    public void Startup_check() => Verify(
        """
        [KongCors]
        internal static partial class AnyCors;
        """,
        "CorsGen.KongCorsStartupCheck",
        hint: "CorsGen.KongCorsStartupCheck.g.cs");

    /// <summary>
    /// Approves the generated file, and proves on the same policy that the pipeline caches: a second run gives equal
    /// models (automata included) and an edit that changes no policy re-emits nothing.
    /// </summary>
    private static void Verify(string policy, string policyName, string? hint = null)
    {
        var source = "using CorsGen;\n\nnamespace Shop;\n\n" + policy + "\n";
        var compilation = GeneratorRunner.CreateCompilation([source]);
        GeneratorCaching.AssertCachedOnRerun(compilation);
        var (output, result) = GeneratorRunner.Generate(compilation);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        var text = GeneratorRunner.GeneratedSources(result)[hint ?? policyName + ".KongCors.g.cs"];
        Approvals.VerifyWithExtension(text.Replace(GeneratorInfo.Version, "<version>"), ".cs");
    }
}
