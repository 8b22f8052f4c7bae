using CorsGen.Automata;
using CorsGen.Pcre;

namespace CorsGen.Tests.Automata;

/// <summary>Shared helpers: build, match through both the DFA and the NFA, escape for messages.</summary>
internal static class Automaton
{
    public static DfaBuildResult Build(params RegexNode[] patterns) => DfaBuilder.Build(patterns);

    public static Dfa Dfa(params RegexNode[] patterns)
    {
        var result = DfaBuilder.Build(patterns);
        Assert.True(result.Success, result.Message);
        return result.Dfa!;
    }

    /// <summary>Asserts the DFA and the NFA both give <paramref name="expected"/> for each subject.</summary>
    public static void Expect(RegexNode pattern, bool expected, params string[] subjects)
    {
        var result = DfaBuilder.Build(pattern);
        Assert.True(result.Success, result.Message);
        foreach (var subject in subjects)
        {
            Assert.True(expected == result.Dfa!.IsMatch(subject), $"DFA: \"{Escape(subject)}\" should {(expected ? "" : "not ")}match");
            Assert.True(expected == result.Nfa!.IsMatch(subject), $"NFA: \"{Escape(subject)}\" should {(expected ? "" : "not ")}match");
        }
    }

    public static void Matches(RegexNode pattern, params string[] subjects) => Expect(pattern, true, subjects);

    public static void Rejects(RegexNode pattern, params string[] subjects) => Expect(pattern, false, subjects);

    /// <summary>A C#-like escaped rendering of a string of code units.</summary>
    public static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (ch < 0x20 || ch >= 0x7F)
                    {
                        builder.Append("\\x").Append(((int)ch).ToString("x2"));
                    }
                    else
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Kong's adjustment of an origin regex: append <c>$</c> unless it ends with one, then drop one leading <c>^</c>.</summary>
    public static string KongAdjust(string pattern) => CorsGen.Policy.OriginEntry.AdjustRegex(pattern);

    /// <summary>A test-only DFA run that counts the transitions it takes.</summary>
    public static bool IsMatchCountingSteps(Dfa dfa, string subject, out long steps)
    {
        steps = 0;
        var state = dfa.StartState;
        if (state == dfa.MatchState)
        {
            return true;
        }

        foreach (var ch in subject)
        {
            if (state == dfa.DeadState || ch > 255)
            {
                return false;
            }

            state = dfa.Transitions[(state * dfa.ClassCount) + dfa.ByteClasses[ch]];
            steps++;
            if (state == dfa.MatchState)
            {
                return true;
            }
        }

        return dfa.AcceptsAtEnd[state];
    }
}
