using CorsGen.Automata;
using static CorsGen.Tests.Automata.Automaton;

namespace CorsGen.Tests.Automata;

/// <summary>ReDoS shapes over 100 KB subjects: the DFA takes at most one transition per code unit.</summary>
public class LinearTimeTests
{
    private const int Length = 100_000;

    public static TheoryData<string> Shapes => new() { "(a+)+$", "(a|aa)*b", "(.*a){20}", "(a*)*$", "(a|a?)+$", "(\\w+\\s?)*$", "(.*[./])?foo\\.test:8000$" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Steps_never_exceed_the_subject_length(string pattern)
    {
        var dfa = Dfa(MiniPcre.Parse(KongAdjust(pattern)));
        var subjects = new[]
        {
            new string('a', Length),
            new string('a', Length - 1) + "!",
            new string('a', Length) + "\n",
            string.Concat(Enumerable.Repeat("a.", Length / 2)),
            string.Concat(Enumerable.Repeat("aab ", Length / 4)) + "!",
        };
        foreach (var subject in subjects)
        {
            var expected = dfa.IsMatch(subject);
            Assert.Equal(expected, IsMatchCountingSteps(dfa, subject, out var steps));
            Assert.True(steps <= subject.Length, $"{steps} steps for {subject.Length} code units");
        }
    }

    [Fact]
    public void Nfa_simulation_is_linear_too()
    {
        var result = DfaBuilder.Build(MiniPcre.Parse("(.*a){20}$"));
        var subject = new string('a', Length - 1) + "!";
        Assert.False(result.Nfa!.IsMatch(subject));
        Assert.False(result.Dfa!.IsMatch(subject));
    }
}
