using System.Reflection;
using CorsGen.Policy;
using CorsGen.Tests.Infrastructure;
using CorsGen.Tests.Kong;
using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Policy;

/// <summary>
/// The policies of <see cref="EvaluateTests"/>: every configuration of Kong's corpus, and one of each shape the corpus
/// lacks (two regexes of one kind, so entries get their own automaton; a long literal list; credentials with '*'; private
/// network; PreflightContinue; AllowOriginAbsent = false), compiled once with the real generator.
/// </summary>
public sealed class EvaluatePoliciesFixture
{
    /// <summary>The extra policies: class name and origins (null: Origins not set).</summary>
    public static readonly (string Name, string Attribute, string[]? Origins)[] Extra =
    [
        ("EvalTwoRegexKinds", """Origins = ["https://shop.test", @"(.+\.)?partner\.test", @"[a-z]+\.internal\.test", @"https://(.+\.)?example\.com", @"http://localhost:\d+", "https://b.example.com"], Credentials = true, ExposedHeaders = ["X-Total"]""", ["https://shop.test", @"(.+\.)?partner\.test", @"[a-z]+\.internal\.test", @"https://(.+\.)?example\.com", @"http://localhost:\d+", "https://b.example.com"]),
        ("EvalLongList", "Origins = [" + string.Join(", ", Enumerable.Range(0, 150).Select(i => $"\"https://s{i}.example.com\"")) + ", @\"https://(.+\\.)?many\\.test\"]", [.. Enumerable.Range(0, 150).Select(i => $"https://s{i}.example.com"), @"https://(.+\.)?many\.test"]),
        ("EvalStarCredentials", """Origins = ["https://a.test", "*"], Credentials = true""", ["https://a.test", "*"]),
        ("EvalAllowAllCredentials", "Credentials = true, MaxAge = 60", null),
        ("EvalPrivateNetwork", """Origins = ["https://a.test", @"https://[a-z]+\.lan"], Headers = ["X-A"], PrivateNetwork = true, MaxAge = 0""", ["https://a.test", @"https://[a-z]+\.lan"]),
        ("EvalContinue", """Origins = ["https://a.test", "https://b.test"], PreflightContinue = true, ExposedHeaders = ["X-E"]""", ["https://a.test", "https://b.test"]),
        ("EvalOriginRequired", """Origins = ["https://a.test"], AllowOriginAbsent = false, Methods = []""", ["https://a.test"]),
    ];

    public EvaluatePoliciesFixture()
    {
        var corpus = KongCorpus.HttpCases.ToList();
        var extra = new System.Text.StringBuilder("using CorsGen;\n\nnamespace EvaluatePolicies;\n\n#pragma warning disable CORS003, CORS031, CORS045\n");
        foreach (var (name, attribute, _) in Extra)
        {
            extra.Append($"[KongCors({attribute})]\npublic static partial class {name};\n\n");
        }

        Policies = GeneratorRunner.CompileAndLoad(KongCorpus.PolicySource(corpus), extra.ToString());
        Origins = corpus.GroupBy(c => c.PolicyClass).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.First().Origins);
        foreach (var (name, _, origins) in Extra)
        {
            Origins[name] = origins ?? [];
        }
    }

    internal Assembly Policies { get; }

    /// <summary>Each policy's Origins as configured, for the matched-entry oracle.</summary>
    internal Dictionary<string, IReadOnlyList<string>> Origins { get; }

    internal KongCorsDecision Evaluate(string policyClass, string method, string? origin, string? requestMethod, string? requestHeaders, bool privateNetwork)
    {
        var type = Policies.GetTypes().Single(t => t.Name == policyClass && t.GetMethod("GetAllowOrigin") is not null);
        var evaluate = type.GetMethod("Evaluate", [typeof(string), typeof(string), typeof(string), typeof(string), typeof(bool)])!;
        return (KongCorsDecision)evaluate.Invoke(null, [method, origin, requestMethod, requestHeaders, privateNetwork])!;
    }
}

/// <summary>
/// Issue 17: a policy's <c>Evaluate</c> gives exactly the CORS headers the real pipeline sends (filter mode and
/// <c>UseKongCors()</c>), on every request of Kong's corpus and on 10,000 random requests (odd, near-miss and hostile
/// origins included), and names the entry Kong stopped at, checked against real PCRE2.
/// </summary>
public sealed class EvaluateTests(EvaluatePoliciesFixture fixture) : IClassFixture<EvaluatePoliciesFixture>
{
    private const int RandomRequests = 10_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Evaluate_agrees_with_the_pipeline_on_every_request_of_kongs_corpus(bool middleware)
    {
        await using var host = await StartAsync(middleware);
        var failures = new List<string>();
        foreach (var kongCase in KongCorpus.HttpCases)
        {
            var request = kongCase.Request;
            var headers = request.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
            var sample = new Sample(
                kongCase.PolicyClass,
                request.GetProperty("method").GetString()!,
                headers.GetValueOrDefault("Origin"),
                headers.GetValueOrDefault("Access-Control-Request-Method"),
                headers.GetValueOrDefault("Access-Control-Request-Headers"),
                headers.GetValueOrDefault("Access-Control-Request-Private-Network") == "true");
            await CompareAsync(host, sample, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Evaluate_agrees_with_the_pipeline_on_random_requests(bool middleware)
    {
        await using var host = await StartAsync(middleware);
        var random = new Random(middleware ? 2026_12_07 : 17);
        var policies = fixture.Origins.Keys.Order(StringComparer.Ordinal).ToArray();
        var failures = new List<string>();
        var reasons = new HashSet<KongCorsReason>();
        for (var i = 0; i < RandomRequests; i++)
        {
            var policy = policies[random.Next(policies.Length)];
            var sample = RandomSample(random, policy, fixture.Origins[policy]);
            reasons.Add((await CompareAsync(host, sample, failures)).Reason);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {RandomRequests} disagree:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(Enum.GetValues<KongCorsReason>().ToHashSet(), reasons);
    }

    [Fact]
    public void The_matched_entry_is_the_first_entry_that_matches_as_real_PCRE2_decides()
    {
        Assert.True(Pcre2.IsAvailable, "libpcre2-8 is needed: the oracle of the matched entry is real PCRE2");
        var random = new Random(5);
        var checkedMatches = 0;
        foreach (var (policy, origins) in fixture.Origins)
        {
            var entries = OriginEntries.Of(CorsGen.Model.EquatableArray.From(origins.Select(o => (string?)o)));
            for (var i = 0; i < 200; i++)
            {
                var origin = RandomOrigin(random, origins);
                var decision = fixture.Evaluate(policy, "GET", origin, null, null, false);
                if (decision.Reason != KongCorsReason.EntryMatched)
                {
                    if (decision.Reason is not (KongCorsReason.WildcardEntry or KongCorsReason.SingleLiteral))
                    {
                        Assert.Equal(-1, decision.MatchedEntry);
                    }

                    continue;
                }

                var expected = Enumerable.Range(0, entries.Items.Count).First(e => Matches(entries.Items[e], origin!));
                Assert.True(expected == decision.MatchedEntry, $"{policy}: '{origin}' first matches entry {expected}, Evaluate says {decision.MatchedEntry}");
                Assert.Equal(origins[expected], decision.MatchedEntryText);
                checkedMatches++;
            }
        }

        Assert.True(checkedMatches > 500, $"only {checkedMatches} matches checked");
    }

    [Fact]
    public void Each_reason_reads_as_one_sentence_that_quotes_only_what_D4_lets_through()
    {
        var samples = new (string Policy, string Method, string? Origin, string? RequestMethod, KongCorsReason Reason)[]
        {
            ("EvalAllowAllCredentials", "GET", null, null, KongCorsReason.AllowAll),
            ("EvalAllowAllCredentials", "GET", "https://a.test", null, KongCorsReason.AllowAllReflected),
            ("EvalStarCredentials", "GET", "https://z.test", null, KongCorsReason.WildcardEntry),
            ("EvalTwoRegexKinds", "OPTIONS", "https://eu.shop.example.com", "PUT", KongCorsReason.EntryMatched),
            ("EvalTwoRegexKinds", "GET", null, null, KongCorsReason.NoOrigin),
            ("EvalTwoRegexKinds", "GET", "https://evilexample.com", null, KongCorsReason.OriginNotListed),
            ("EvalTwoRegexKinds", "GET", "https://a.test\u00e9", null, KongCorsReason.OriginInvalid),
            ("EvalContinue", "OPTIONS", "https://a.test", "GET", KongCorsReason.PreflightContinued),
        };
        foreach (var (policy, method, origin, requestMethod, reason) in samples)
        {
            var decision = fixture.Evaluate(policy, method, origin, requestMethod, null, false);
            Assert.Equal(reason, decision.Reason);
            var sentence = decision.ToString();
            Assert.StartsWith("EvaluatePolicies." + policy + " ", sentence, StringComparison.Ordinal);
            Assert.EndsWith(").", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain('\u00e9', sentence);
        }

        var matched = fixture.Evaluate("EvalTwoRegexKinds", "GET", "https://b.example.com", null, null, false);
        Assert.Equal(
            @"EvaluatePolicies.EvalTwoRegexKinds allows origin 'https://b.example.com': it matches entry 3, 'https://(.+\.)?example\.com' (O9).",
            matched.ToString());
        Assert.True(matched.OriginAllowed);
        Assert.Equal(
            "EvaluatePolicies.EvalTwoRegexKinds treats the Origin header as absent: an Origin of 15 characters is not visible ASCII of at most 4096 characters (D4).",
            fixture.Evaluate("EvalTwoRegexKinds", "GET", "https://a.test\u00e9", null, null, false).ToString());
    }

    private async Task<PolicyHost> StartAsync(bool middleware) =>
        await PolicyHost.StartAsync(
            fixture.Policies,
            fixture.Origins.Keys,
            middleware
                ? app => RuntimeLibrary.UseKongCors(app)
                : null);

    /// <summary>Sends the sample through the pipeline and compares its CORS response headers with Evaluate's, in order.</summary>
    private async Task<KongCorsDecision> CompareAsync(PolicyHost host, Sample sample, List<string> failures)
    {
        var context = await host.SendRawAsync(sample.Method, "/" + sample.Policy + "/anything", headers =>
        {
            if (sample.Origin is not null)
            {
                headers.Origin = sample.Origin;
            }

            if (sample.RequestMethod is not null)
            {
                headers.AccessControlRequestMethod = sample.RequestMethod;
            }

            if (sample.RequestHeaders is not null)
            {
                headers.AccessControlRequestHeaders = sample.RequestHeaders;
            }

            if (sample.PrivateNetwork)
            {
                headers["Access-Control-Request-Private-Network"] = "true";
            }
        });

        var actual = context.Response.Headers
            .Where(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase) || h.Key == "Vary")
            .Select(h => h.Key + ": " + h.Value.ToString())
            .ToList();
        var decision = fixture.Evaluate(sample.Policy, sample.Method, sample.Origin, sample.RequestMethod, sample.RequestHeaders, sample.PrivateNetwork);
        var evaluated = decision.Headers.Select(h => h.Key + ": " + h.Value).ToList();
        if (!actual.SequenceEqual(evaluated, StringComparer.Ordinal))
        {
            failures.Add($"{sample}\n    pipeline: {string.Join(" | ", actual)}\n    Evaluate: {string.Join(" | ", evaluated)}");
        }

        if (decision.IsPreflight != (sample.Method == "OPTIONS" && !string.IsNullOrEmpty(sample.Origin) && sample.RequestMethod is not null))
        {
            failures.Add($"{sample}: IsPreflight {decision.IsPreflight}");
        }

        return decision;
    }

    private static Sample RandomSample(Random random, string policy, IReadOnlyList<string> origins)
    {
        string[] methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "OPTIONS", "OPTIONS", "options"];
        string?[] requestMethods = [null, null, "", "GET", "PUT", "DELETE", "patch", "X-CUSTOM"];
        string?[] requestHeaders = [null, null, "content-type", "X-A, X-B", "x-a,\tx-b", "bad header", "a,,b", "x\u00e9", new string('h', 5000), ""];
        return new Sample(
            policy,
            methods[random.Next(methods.Length)],
            RandomOrigin(random, origins),
            requestMethods[random.Next(requestMethods.Length)],
            requestHeaders[random.Next(requestHeaders.Length)],
            random.Next(4) == 0);
    }

    /// <summary>An origin a browser, a near-miss or an attacker could send, often derived from the policy's own entries.</summary>
    private static string? RandomOrigin(Random random, IReadOnlyList<string> origins)
    {
        string?[] fixedOrigins =
        [
            null, "", "null", "*", "https://a.test", "https://b.test", "http://localhost:8080", "https://eu.shop.example.com",
            "https://evilexample.com", "https://example.com.evil.test", "https://x.partner.test", "http://x.internal.test",
            "https://s7.example.com", "https://s7.example.com:443", "HTTPS://A.TEST", "https://a.test/", "https://a.test/path",
            "https://a.test\r\nX: y", "https://a.test\u00e9", "https://b.lan", "file://", new string('a', 5000),
            "https://a.test:8443", "https://deep.eu.many.test", " https://a.test", "https://a.test#frag",
        ];
        if (origins.Count == 0 || random.Next(3) == 0)
        {
            return fixedOrigins[random.Next(fixedOrigins.Length)];
        }

        var entry = origins[random.Next(origins.Count)];
        var concrete = OriginEntry.Classify(entry) == OriginEntryKind.Literal
            ? entry
            : entry.Replace(@"(.+\.)?", random.Next(2) == 0 ? "" : "eu.", StringComparison.Ordinal)
                .Replace(@"\d+", random.Next(2) == 0 ? "3000" : "", StringComparison.Ordinal)
                .Replace("[a-z]+", random.Next(2) == 0 ? "box" : "", StringComparison.Ordinal)
                .Replace(@"\.", ".", StringComparison.Ordinal);
        if (!concrete.Contains("://", StringComparison.Ordinal) && random.Next(2) == 0)
        {
            concrete = "https://" + concrete;
        }

        return random.Next(6) switch
        {
            0 => concrete + "x",
            1 => concrete.ToUpperInvariant(),
            2 => concrete.Length > 1 ? concrete[..^1] : concrete,
            3 => concrete + ":443",
            _ => concrete,
        };
    }

    /// <summary>Kong's test of one entry (O6-O9): normalized equality for a literal, real PCRE2 for a regex.</summary>
    private static bool Matches(OriginEntryInfo entry, string origin)
    {
        var normalized = KongOrigin.Normalize(origin);
        if (entry.Kind == OriginEntryKind.Literal)
        {
            return entry.Normalized == normalized.Domain;
        }

        using var regex = Pcre2.Create(entry.Regex!.Adjusted);
        return regex.IsAnchoredMatch(entry.Regex.HostOnly ? normalized.Host : normalized.Domain);
    }

    private sealed record Sample(string Policy, string Method, string? Origin, string? RequestMethod, string? RequestHeaders, bool PrivateNetwork)
    {
        public override string ToString() =>
            $"{Policy} {Method} Origin={Show(Origin)} ACRM={Show(RequestMethod)} ACRH={Show(RequestHeaders)} PNA={PrivateNetwork}";

        private static string Show(string? value) =>
            value is null ? "(none)" : value.Length > 60 ? $"({value.Length} chars)" : "'" + value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";
    }
}

/// <summary>The README's table of <c>ToString()</c> sentences is what <c>Evaluate</c> says for the README's policies.</summary>
public sealed class EvaluateReadmeTests
{
    private const string Policies = """
        using CorsGen;

        namespace Shop;

        #pragma warning disable CORS003
        [KongCors]
        public static partial class PublicCors;

        [KongCors(Credentials = true)]
        public static partial class OpenCors;

        [KongCors(Origins = ["https://a.test", "*"])]
        public static partial class MixedCors;

        [KongCors(Origins = ["https://admin.example.com"])]
        public static partial class AdminCors;

        [KongCors(Origins = ["https://shop.example.com", @"https://(.+\.)?example\.com"], Methods = ["GET", "POST"], Credentials = true)]
        public static partial class ShopCors;

        [KongCors(Origins = ["https://a.test"], PreflightContinue = true)]
        public static partial class ProxyCors;
        """;

    [Fact]
    public void Every_sentence_of_the_readme_table_is_what_Evaluate_says()
    {
        var assembly = GeneratorRunner.CompileAndLoad(Policies);
        KongCorsDecision Evaluate(string policy, string method, string? origin, string? requestMethod = null) =>
            (KongCorsDecision)assembly.GetType("Shop." + policy, throwOnError: true)!
                .GetMethod("Evaluate", [typeof(string), typeof(string), typeof(string), typeof(string)])!
                .Invoke(null, [method, origin, requestMethod, null])!;

        var said = new Dictionary<KongCorsReason, KongCorsDecision>
        {
            [KongCorsReason.AllowAll] = Evaluate("PublicCors", "GET", "https://a.test"),
            [KongCorsReason.AllowAllReflected] = Evaluate("OpenCors", "GET", "https://a.test"),
            [KongCorsReason.WildcardEntry] = Evaluate("MixedCors", "GET", "https://z.test"),
            [KongCorsReason.SingleLiteral] = Evaluate("AdminCors", "GET", "https://x.test"),
            [KongCorsReason.EntryMatched] = Evaluate("ShopCors", "GET", "https://eu.example.com"),
            [KongCorsReason.NoOrigin] = Evaluate("ShopCors", "GET", null),
            [KongCorsReason.OriginNotListed] = Evaluate("ShopCors", "GET", "https://evilexample.com"),
            [KongCorsReason.OriginInvalid] = Evaluate("ShopCors", "GET", "https://a.test\u00e9"),
            [KongCorsReason.PreflightContinued] = Evaluate("ProxyCors", "OPTIONS", "https://a.test", "PUT"),
        };

        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var rows = readme
            .SkipWhile(l => l != "| Reason | `ToString()` |")
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split(" | "))
            .ToDictionary(cells => Enum.Parse<KongCorsReason>(cells[0].Trim('|', ' ', '`')), cells => cells[1].Trim('|', ' ', '`'));
        Assert.Equal(said.Keys.ToHashSet(), rows.Keys.ToHashSet());

        // The CorsGen-Reason example of "Why was this origin refused?".
        var reasonLine = Assert.Single(readme, l => l.StartsWith("CorsGen-Reason: ", StringComparison.Ordinal));
        Assert.Equal(reasonLine["CorsGen-Reason: ".Length..], Evaluate("ShopCors", "GET", "http://shop.example.com").ToString());
        foreach (var (reason, decision) in said)
        {
            Assert.Equal(reason, decision.Reason);
            Assert.Equal(rows[reason].Replace(@"\\", @"\", StringComparison.Ordinal), decision.ToString());
        }
    }
}
