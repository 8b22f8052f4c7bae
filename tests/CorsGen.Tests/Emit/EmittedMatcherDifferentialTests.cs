using System.Reflection;
using System.Text;
using CorsGen.Automata;
using CorsGen.Emit;
using CorsGen.Model;
using CorsGen.Policy;
using CorsGen.Tests.Automata;
using CorsGen.Tests.Infrastructure;
using CorsGen.Tests.Oracle;
using Xunit.Abstractions;

namespace CorsGen.Tests.Emit;

/// <summary>
/// The C# the generator emits for regex entries (switch state machines, tables, the NFA fallback) is a
/// second implementation of the automaton, so it gets its own differential test: hundreds of patterns
/// compiled into real policies, their generated matchers called directly, and every answer compared
/// with the machine's PCRE2 on subjects biased to near misses (chars 0..255).
/// </summary>
public sealed class EmittedMatcherDifferentialTests(ITestOutputHelper output)
{
    private delegate bool SpanPredicate(ReadOnlySpan<char> subject);

    private const int Seed = 20261126;

    [Fact]
    public void Emitted_matchers_agree_with_pcre2()
    {
        Assert.True(Pcre2.IsAvailable, "libpcre2-8 is required: the test would otherwise prove nothing");
        var random = new Random(Seed);
        var patterns = Patterns(random);
        var source = new StringBuilder("using CorsGen;\n#pragma warning disable CORS011\nnamespace Emitted;\n");
        for (var i = 0; i < patterns.Count; i++)
        {
            source.Append($"[KongCors(Origins = [{CSharpString(patterns[i])}, \"https://unused.invalid\"])] internal static partial class Pattern{i};\n");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var assembly = GeneratorRunner.CompileAndLoad(source.ToString());
        output.WriteLine($"generated and compiled {patterns.Count} policies in {clock.Elapsed.TotalSeconds:F1} s");
        long pairs = 0;
        var failures = new List<string>();
        var forms = new Dictionary<string, int>();
        var classSwitchWithMatchState = 0;
        var withChains = 0;
        for (var i = 0; i < patterns.Count; i++)
        {
            var regex = OriginRegex.Parse(patterns[i]);
            var matcher = Matcher(assembly, $"Pattern{i}", regex.HostOnly);
            var dfa = DfaBuilder.Build(regex.Tree!).Dfa;
            forms[Form(dfa)] = forms.GetValueOrDefault(Form(dfa)) + 1;
            if (Form(dfa) == "ClassSwitch" && dfa!.MatchState >= 0)
            {
                // Its states test each char for 8 bits instead of one search up front.
                classSwitchWithMatchState++;
            }

            if (dfa is not null && MatcherLayout.Plan(new RegexMatcher(EquatableArray.From(new[] { regex.Adjusted }), dfa, null, "", false)).States.Any(s => s.Chain is not null))
            {
                // Runs of one-character states written as one StartsWith.
                withChains++;
            }

            using var oracle = Pcre2.Create(regex.Adjusted);
            var subjects = new SubjectGenerator(new Random(Seed + i), dfa, patterns[i]);
            for (var s = 0; s < 400; s++)
            {
                var subject = subjects.Next();
                pairs++;
                var expected = oracle.IsAnchoredMatch(subject);
                if (matcher(subject) != expected && failures.Count < 20)
                {
                    failures.Add($"/{regex.Adjusted}/ on \"{Escape(subject)}\": PCRE2 {expected}, generated code {!expected}");
                }
            }
        }

        output.WriteLine($"{patterns.Count} patterns, {pairs} pairs; matcher forms: {string.Join(", ", forms.Select(f => $"{f.Key} {f.Value}"))}; with StartsWith runs: {withChains}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(forms.ContainsKey("Switch") && forms.ContainsKey("ClassSwitch") && forms.ContainsKey("Table") && forms.ContainsKey("Nfa"), "every matcher form must be exercised");
        Assert.True(classSwitchWithMatchState > 0, "a class-switch matcher with a match state (its per-state 8-bit test) must be exercised");
        Assert.True(withChains > 0, "a matcher with a run of one-character states (one StartsWith) must be exercised");
    }

    /// <summary>Realistic origin regexes, their mutations and random ones, kept when PCRE2 accepts them and a DFA can express them; plus large ones.</summary>
    internal static List<string> Patterns(Random random)
    {
        var patterns = new List<string>();
        void Add(string pattern)
        {
            if (pattern.Length > 0 && OriginEntry.Classify(pattern) == OriginEntryKind.Regex && OriginRegex.Parse(pattern).Tree is not null && !patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        foreach (var pattern in PatternCorpus.Realistic)
        {
            Add(pattern);
        }

        while (patterns.Count < 220)
        {
            Add(random.Next(2) == 0
                ? PatternCorpus.Mutate(PatternCorpus.Realistic[random.Next(PatternCorpus.Realistic.Length)], random)
                : PatternCorpus.Random(random));
        }

        // Forms the corpus rarely reaches: DFAs past the range-switch limit (class switch), past the class-switch
        // limit (tables) and past the state cap (NFA).
        Add(@"https://(a|b)*a(a|b){6}\.test");
        Add(@"https://(a|b)*a(a|b){6}\.test[\s\S]*");
        Add(@"https://(a|b)*a(a|b){8}\.test");
        Add(@"(x|y)*x(x|y){12}\.test");
        return patterns;
    }

    private static string Form(Dfa? dfa) => dfa is null ? "Nfa" : CorsGen.Emit.MatcherLayout.FormOf(dfa).ToString();

    private static SpanPredicate Matcher(Assembly assembly, string policy, bool hostOnly)
    {
        var types = assembly.GetTypes().Where(t => t.Name.Contains("__" + policy + "RequestPath", StringComparison.Ordinal)).ToList();
        Assert.True(types.Count == 1, $"{policy}: {string.Join(", ", assembly.GetTypes().Select(t => t.Name).Where(n => n.Contains(policy, StringComparison.Ordinal)))}");
        var type = types[0];
        var method = type.GetMethod(hostOnly ? "MatchesHostRegexes" : "MatchesOriginRegexes", BindingFlags.NonPublic | BindingFlags.Static)!;
        return method.CreateDelegate<SpanPredicate>();
    }

    private static string CSharpString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < 0x20 || c > 0x7E => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static string Escape(string value) => string.Concat(value.Select(c => c is < ' ' or > '~' ? $"\\x{(int)c:x2}" : c.ToString()));
}
