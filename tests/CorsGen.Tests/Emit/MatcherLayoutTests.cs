using CorsGen.Automata;
using CorsGen.Emit;
using CorsGen.Model;
using CorsGen.Policy;

namespace CorsGen.Tests.Emit;

/// <summary>
/// The plan of a regex matcher, checked without reading C#: which form, which states are written, which runs of
/// one-character states become one <c>StartsWith</c>, and where a state needs no <c>switch</c>.
/// </summary>
public sealed class MatcherLayoutTests
{
    [Fact]
    public void A_run_of_one_character_states_is_one_comparison()
    {
        var layout = Plan(@"[a-z]+\.internal\.test");

        Assert.Equal(MatcherForm.Switch, layout.Form);
        var chain = Assert.Single(layout.States, s => s.Chain is not null);
        Assert.Equal("internal.test", chain.Chain);

        // The run falls through to the state written after it, so that state needs no label from the run.
        Assert.Equal(-1, chain.ChainTarget);
        // No state that lets one char through and does not accept at the end is left as a switch of its own.
        Assert.DoesNotContain(layout.States, s => s.Chain is null && !s.AcceptsAtEnd && s.Cases.Count == 1 && s.Cases[0].Symbols.Count == 1 && s.Fallback == Dead(@"[a-z]+\.internal\.test"));
    }

    [Fact]
    public void The_literal_prefix_is_checked_first_and_the_machine_starts_after_it()
    {
        var layout = Plan(@"https://(.+\.)?example\.com");

        Assert.Equal("https://", layout.Prefix);
        Assert.Equal(MatcherForm.Switch, layout.Form);
        Assert.False(layout.States[0].Labelled && layout.States[0].Chain is not null);
    }

    [Fact]
    public void A_state_entered_from_two_places_starts_its_own_run()
    {
        // The state that reads 'q' is entered from the start ('z') and from the state after 'a' ('b'): "qxyz" is one
        // run, and the lone 'b' after 'a' cannot join it, so it stays a switch.
        var layout = Plan("(abq|zq)xyz");

        Assert.Contains(layout.States, s => s.Chain == "qxyz");
        Assert.DoesNotContain(layout.States, s => s.Chain is not null && s.Chain.Contains('b', StringComparison.Ordinal));
        foreach (var state in layout.States.Where(s => s.Chain is not null))
        {
            Assert.True(state.Chain!.Length >= 2);
        }
    }

    [Fact]
    public void A_state_whose_every_char_leads_to_one_state_has_no_cases()
    {
        // After "a", every 8-bit char leads to the state that wants 'b'.
        var layout = Plan(@"a[\s\S]b");

        Assert.Contains(layout.States, s => s.Chain is null && s.Cases.Count == 0);
    }

    [Fact]
    public void The_default_of_a_switch_is_the_dead_state_else_the_target_with_the_most_symbols()
    {
        var dfa = Dfa(@"https://(.+\.)?example\.com");
        var layout = Plan(@"https://(.+\.)?example\.com");

        // The dead state needs no 8-bit test in the default, so it is the default wherever it is a target: no case
        // group ever leads to it.
        Assert.Contains(layout.States, s => s.Chain is null && s.Fallback == dfa.DeadState && s.Cases.Count > 0);
        Assert.DoesNotContain(layout.States, s => s.Cases.Any(c => c.Target == dfa.DeadState));

        // After "a", every char leads to the state that wants 'b': the default is that state, with no case.
        var everyChar = Plan(@"a[\s\S]b");
        Assert.Contains(everyChar.States, s => s.Chain is null && s.Cases.Count == 0 && s.Fallback != Dead(@"a[\s\S]b"));
    }

    [Fact]
    public void Forms_follow_the_size_of_the_automaton()
    {
        Assert.Equal(MatcherForm.Switch, Plan(@"https://a\.test").Form);
        Assert.Equal(MatcherForm.ClassSwitch, Plan(@"https://(a|b)*a(a|b){5}\.test").Form);
        Assert.Equal(MatcherForm.Table, Plan(@"https://(a|b)*a(a|b){8}\.test").Form);
        Assert.Equal(MatcherForm.Constant, Plan(@"[^\x00-\xff]").Form);
    }

    [Fact]
    public void A_table_puts_the_dead_state_in_row_zero()
    {
        var layout = Plan(@"https://(a|b)*a(a|b){8}\.test");

        Assert.NotNull(layout.Table);
        Assert.True(layout.Table!.HasDeadRow);
        Assert.All(Enumerable.Range(0, Dfa(@"https://(a|b)*a(a|b){8}\.test").ClassCount), cls => Assert.Equal(0, layout.Table.Transitions[cls]));
    }

    private static MatcherLayout Plan(string pattern) =>
        MatcherLayout.Plan(new RegexMatcher(EquatableArray.From(new[] { pattern }), Dfa(pattern), null, "", false));

    private static int Dead(string pattern) => Dfa(pattern).DeadState;

    private static Dfa Dfa(string pattern) => DfaBuilder.Build(OriginRegex.Parse(pattern).Tree!).Dfa!;
}
