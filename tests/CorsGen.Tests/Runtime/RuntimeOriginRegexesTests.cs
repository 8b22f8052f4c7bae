extern alias runtime;

using System.Globalization;
using CorsGen.Model;
using CorsGen.Policy;
using CorsGen.Tests.Automata;
using CorsGen.Tests.Emit;
using CorsGen.Tests.Oracle;
using Microsoft.Extensions.Configuration;
using runtime::CorsGen.Runtime;
using Xunit.Abstractions;

namespace CorsGen.Tests.Runtime;

/// <summary>
/// Issue 15, step 1: origin regexes compiled at startup by CorsGen.Runtime (the generator's parser and automaton code,
/// linked) match as real PCRE2 does on the corpus of the emitted-matcher differential test, and reject what the analyzer
/// rejects with the analyzer's own ids and messages.
/// </summary>
public sealed class RuntimeOriginRegexesTests(ITestOutputHelper output)
{
    private const int Seed = 20261207;

    [Fact]
    public void Startup_compiled_matchers_agree_with_pcre2()
    {
        Assert.True(Pcre2.IsAvailable, "libpcre2-8 is required: the test would otherwise prove nothing");
        var random = new Random(Seed);
        var patterns = EmittedMatcherDifferentialTests.Patterns(random);
        long pairs = 0;
        var failures = new List<string>();
        var nfa = 0;
        var configuredPatterns = 0;
        for (var i = 0; i < patterns.Count; i++)
        {
            var problems = new List<RuntimeOriginProblem>();
            var compiled = RuntimeOriginRegexes.Compile([patterns[i], "https://unused.invalid"], problems);
            Assert.Empty(problems);

            // And as an application reads it (ConfiguredOrigins takes the automaton the analyzer's checks compiled, with
            // its required suffix checked first), when the analyzer's checks find no error in it.
            var configurationProblems = new List<RuntimeOriginProblem>();
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:Origins:0"] = patterns[i], ["Cors:Origins:1"] = "https://unused.invalid" })
                .Build();
            var configured = ConfiguredOrigins.Read(configuration, "Cors:Origins", configurationProblems);
            var viaConfiguration = configurationProblems.TrueForAll(p => p.IsWarning);
            configuredPatterns += viaConfiguration ? 1 : 0;
            var regex = OriginRegex.Parse(patterns[i]);
            var dfa = CorsGen.Automata.DfaBuilder.Build(regex.Tree!).Dfa;
            nfa += dfa is null ? 1 : 0;
            using var oracle = Pcre2.Create(regex.Adjusted);
            var subjects = new SubjectGenerator(new Random(Seed + i), dfa, patterns[i]);
            for (var s = 0; s < 400; s++)
            {
                var subject = subjects.Next();
                pairs++;
                var expected = oracle.IsAnchoredMatch(subject);
                var actual = regex.HostOnly ? compiled.MatchesHost(subject) : compiled.MatchesOrigin(subject);
                if (actual != expected && failures.Count < 20)
                {
                    failures.Add($"/{regex.Adjusted}/ on \"{subject}\": PCRE2 {expected}, startup compiler {actual}");
                }

                if (viaConfiguration && subject.Length > 0 && configured.Matches(subject, regex.HostOnly ? "" : subject, regex.HostOnly ? subject : "") != expected && failures.Count < 20)
                {
                    failures.Add($"/{regex.Adjusted}/ on \"{subject}\": PCRE2 {expected}, configured origins {!expected}");
                }
            }
        }

        output.WriteLine($"{patterns.Count} patterns ({nfa} past the DFA cap, matched by the NFA; {configuredPatterns} also read as configuration), {pairs} pairs, {failures.Count} disagreements");
        Assert.True(configuredPatterns > patterns.Count / 2, $"only {configuredPatterns} patterns went through ConfiguredOrigins");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(nfa > 0, "the NFA fallback must be exercised");
    }

    [Fact]
    public void Entries_the_analyzer_rejects_are_rejected_with_its_ids_and_messages()
    {
        string[] entries =
        [
            "https://ok.test",
            @"https://(.+\.)?example\.com",
            @"https://(a.test",
            @"https://(?=x)a\.test",
            @"(a)\1\.test",
            @"x\Q",
            "*",
            @"https://[a-z]+\.lan",
            @"https://a{1000}{1000}\.test",
        ];

        var problems = new List<RuntimeOriginProblem>();
        var compiled = RuntimeOriginRegexes.Compile(entries, problems);
        var actual = problems.Select(p => (p.Index, p.DiagnosticId, p.Message)).ToList();

        var spec = PolicySpec.Defaults with { Origins = EquatableArray.From(entries.Select(e => (string?)e)) };
        var expected = PolicyCompiler.Diagnose(spec)
            .Where(p => p.DiagnosticId is "CORS001" or "CORS002")
            .Select(p => (p.Index, p.DiagnosticId, string.Format(
                CultureInfo.InvariantCulture, Diagnostics.Get(p.DiagnosticId).MessageFormat.ToString(CultureInfo.InvariantCulture), p.MessageArgs.AsImmutableArray().ToArray())))
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);

        // The valid entries still match; the rejected ones are left out.
        Assert.True(compiled.MatchesOrigin("https://eu.example.com"));
        Assert.True(compiled.MatchesOrigin("https://box.lan"));
        Assert.False(compiled.MatchesOrigin("https://evilexample.com"));
    }
}
