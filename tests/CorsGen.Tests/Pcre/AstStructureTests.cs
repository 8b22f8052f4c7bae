using System.Collections.Immutable;
using CorsGen.Pcre;

namespace CorsGen.Tests.Pcre;

/// <summary>The shape of the AST for representative patterns, and where unsupported constructs are reported.</summary>
public class AstStructureTests
{
    private static RegexNode Root(string pattern)
    {
        var result = PcreParser.Parse(pattern);
        Assert.True(result.Error is null, $"{PcreDifferential.Show(pattern)}: {result.Error}");
        return result.Root!;
    }

    private static ImmutableArray<RegexNode> Items(string pattern) => Assert.IsType<SequenceNode>(Root(pattern)).Items;

    private static ByteSet Set(RegexNode node) => Assert.IsType<SetNode>(node).Set;

    private static ByteSet Chars(string chars) => chars.Aggregate(ByteSet.Empty, (set, c) => set.Union(ByteSet.Single(c)));

    [Fact]
    public void A_sequence_of_literals_is_one_set_per_byte_with_spans()
    {
        var items = Items("ab\\.");
        Assert.Equal(3, items.Length);
        Assert.Equal(Chars("a"), Set(items[0]));
        Assert.Equal(Chars("."), Set(items[2]));
        Assert.Equal((2, 2), (items[2].Offset, items[2].Length));
    }

    [Fact]
    public void An_empty_pattern_is_an_empty_sequence()
    {
        var root = Assert.IsType<SequenceNode>(Root(""));
        Assert.Empty(root.Items);
    }

    [Fact]
    public void Alternation_holds_one_sequence_per_branch_including_empty_ones()
    {
        var root = Assert.IsType<AlternationNode>(Root("ab|c|"));
        Assert.Equal(3, root.Alternatives.Length);
        Assert.Equal(2, Assert.IsType<SequenceNode>(root.Alternatives[0]).Items.Length);
        var empty = Assert.IsType<SequenceNode>(root.Alternatives[2]);
        Assert.Empty(empty.Items);
        Assert.Equal(5, empty.Offset);
        Assert.Equal((0, 5), (root.Offset, root.Length));
    }

    [Fact]
    public void Groups_keep_capture_and_name()
    {
        var items = Items("(a)(?:b)(?<host>c)(?'p'd)(?P<q>e)(?|f|g)");
        var groups = items.Select(n => Assert.IsType<GroupNode>(n)).ToArray();
        Assert.Equal(new[] { true, false, true, true, true, false }, groups.Select(g => g.Capturing));
        Assert.Equal(new string?[] { null, null, "host", "p", "q", null }, groups.Select(g => g.Name));
        Assert.Equal((0, 3), (groups[0].Offset, groups[0].Length));
        Assert.IsType<AlternationNode>(groups[5].Body);
    }

    [Fact]
    public void No_auto_capture_makes_plain_groups_non_capturing()
    {
        var items = Items("(?n)(a)(?<x>b)");
        Assert.False(Assert.IsType<GroupNode>(items[0]).Capturing);
        Assert.True(Assert.IsType<GroupNode>(items[1]).Capturing);
    }

    [Theory]
    [InlineData("a*", 0, -1, false)]
    [InlineData("a+", 1, -1, false)]
    [InlineData("a?", 0, 1, false)]
    [InlineData("a*?", 0, -1, true)]
    [InlineData("a+?", 1, -1, true)]
    [InlineData("a??", 0, 1, true)]
    [InlineData("a{3}", 3, 3, false)]
    [InlineData("a{2,}", 2, -1, false)]
    [InlineData("a{2,5}", 2, 5, false)]
    [InlineData("a{0,65535}?", 0, 65535, true)]
    [InlineData("(?U)a*", 0, -1, true)]
    [InlineData("(?U)a*?", 0, -1, false)]
    [InlineData("a{0}", 0, 0, false)]
    public void Quantifiers_give_repeat_bounds(string pattern, int min, int max, bool lazy)
    {
        var repeat = Assert.IsType<RepeatNode>(Assert.Single(Items(pattern)));
        Assert.Equal((min, max, lazy), (repeat.Min, repeat.Max, repeat.Lazy));
        Assert.Equal((0, pattern.Length - (pattern.StartsWith("(?U)") ? 4 : 0)), (repeat.Offset - (pattern.StartsWith("(?U)") ? 4 : 0), repeat.Length));
    }

    [Fact]
    public void A_quantifier_binds_to_the_last_byte_of_a_multibyte_literal()
    {
        var items = Items("\u00e9+");
        Assert.Equal(2, items.Length);
        Assert.Equal(0xC3, Enumerable.Range(0, 256).Single(Set(items[0]).Contains));
        var repeat = Assert.IsType<RepeatNode>(items[1]);
        Assert.Equal(0xA9, Enumerable.Range(0, 256).Single(Set(repeat.Body).Contains));
    }

    [Fact]
    public void Brace_that_is_not_a_quantifier_is_a_literal()
    {
        Assert.Equal(new[] { "a", "{", ",", "3", "}" }, Items("a{,3}").Select(n => ((char)Enumerable.Range(0, 256).Single(Set(n).Contains)).ToString()));
    }

    [Theory]
    [InlineData("^", "StartOfSubject")]
    [InlineData("\\A", "StartOfSubject")]
    [InlineData("\\G", "StartOfSubject")]
    [InlineData("$", "EndOfSubjectOrBeforeFinalNewline")]
    [InlineData("\\Z", "EndOfSubjectOrBeforeFinalNewline")]
    [InlineData("\\z", "EndOfSubject")]
    [InlineData("(?m)^", "StartOfLine")]
    [InlineData("(?m)$", "EndOfLine")]
    [InlineData("(?m)\\A", "StartOfSubject")]
    [InlineData("(?m)\\Z", "EndOfSubjectOrBeforeFinalNewline")]
    [InlineData("\\b", "WordBoundary")]
    [InlineData("\\B", "NotWordBoundary")]
    public void Anchors_resolve_to_assertion_kinds(string pattern, string kind)
    {
        Assert.Equal(Enum.Parse<AssertionKind>(kind), Assert.IsType<AssertionNode>(Assert.Single(Items(pattern))).Kind);
    }

    [Fact]
    public void Backslash_K_is_an_empty_sequence()
    {
        var items = Items("a\\Kb");
        var keep = Assert.IsType<SequenceNode>(items[1]);
        Assert.Empty(keep.Items);
        Assert.Equal((1, 2), (keep.Offset, keep.Length));
    }

    [Fact]
    public void An_option_set_mid_group_lasts_to_the_end_of_the_group_including_later_branches()
    {
        // a(?i)b|c: the (?i) applies to b and to the later branch c.
        var root = Assert.IsType<AlternationNode>(Root("a(?i)b|c"));
        var first = Assert.IsType<SequenceNode>(root.Alternatives[0]).Items;
        Assert.Equal(Chars("a"), Set(first[0]));
        Assert.Equal(Chars("bB"), Set(first[1]));
        Assert.Equal(Chars("cC"), Set(Assert.Single(Assert.IsType<SequenceNode>(root.Alternatives[1]).Items)));

        // (a(?i)b)c: it ends with the group.
        var items = Items("(a(?i)b)c");
        Assert.Equal(Chars("c"), Set(items[1]));

        // (?i:a)b and (?i)a(?-i)b.
        Assert.Equal(new[] { Chars("aA"), Chars("b") }, new[] { Set(Assert.IsType<SequenceNode>(Assert.IsType<GroupNode>(Items("(?i:a)b")[0]).Body).Items[0]), Set(Items("(?i:a)b")[1]) });
        Assert.Equal(new[] { Chars("aA"), Chars("b") }, Items("(?i)a(?-i)b").Select(Set));

        // (?^) resets i, m, s, x, n.
        Assert.Equal(Chars("a"), Set(Items("(?i)(?^)a")[0]));
    }

    [Fact]
    public void Dot_respects_dotall_and_backslash_N_never_matches_newline()
    {
        Assert.False(Set(Items(".")[0]).Contains('\n'));
        Assert.True(Set(Items("(?s).")[0]).Contains('\n'));
        Assert.Equal(255, Set(Items("(?s)\\N")[0]).Count);
    }

    [Fact]
    public void Extended_mode_drops_whitespace_and_comments()
    {
        var items = Items("(?x) a b # comment\n c");
        Assert.Equal(new[] { Chars("a"), Chars("b"), Chars("c") }, items.Select(Set));
    }

    [Fact]
    public void Quoted_text_is_literal()
    {
        Assert.Equal(new[] { Chars("."), Chars("*") }, Items("\\Q.*\\E").Select(Set));
    }

    [Theory]
    [InlineData("(a)b\\1", "a backreference", 4, 2)]
    [InlineData("(a)\\g{-1}", "a backreference", 3, 6)]
    [InlineData("(?<n>a)\\k<n>", "a backreference", 7, 5)]
    [InlineData("(?<n>a)(?P=n)", "a backreference", 7, 6)]
    [InlineData("x(?=a)", "a lookahead assertion", 1, 5)]
    [InlineData("x(?!a)", "a negative lookahead assertion", 1, 5)]
    [InlineData("x(?<=a)", "a lookbehind assertion", 1, 6)]
    [InlineData("x(?<!a)", "a negative lookbehind assertion", 1, 6)]
    [InlineData("x(*pla:a)", "a lookahead assertion", 1, 8)]
    [InlineData("x(?*a)", "a non-atomic lookahead assertion", 1, 5)]
    [InlineData("x(?>a)", "an atomic group", 1, 5)]
    [InlineData("xa++", "a possessive quantifier", 2, 2)]
    [InlineData("x[a-z]{2,3}+", "a possessive quantifier", 6, 6)]
    [InlineData("x(?R)", "a recursive pattern call", 1, 4)]
    [InlineData("(a)(?1)", "a subroutine call", 3, 4)]
    [InlineData("(?<n>a)(?&n)", "a subroutine call", 7, 5)]
    [InlineData("(a)\\g<1>", "a subroutine call", 3, 5)]
    [InlineData("(a)(?(1)b|c)", "a conditional group", 3, 9)]
    [InlineData("x(*ACCEPT)", "the backtracking control verb (*ACCEPT)", 1, 9)]
    [InlineData("x(*SKIP:m)", "the backtracking control verb (*SKIP)", 1, 9)]
    [InlineData("x(*:m)", "the backtracking control verb (*MARK)", 1, 5)]
    [InlineData("x(?C1)", "a callout", 1, 5)]
    [InlineData("x\\C", "\\C (one code unit)", 1, 2)]
    [InlineData("x\\X", "\\X (an extended grapheme cluster)", 1, 2)]
    [InlineData("x\\R", "\\R (any newline sequence)", 1, 2)]
    [InlineData("x\\p{Lu}", "a Unicode property (\\p or \\P)", 1, 6)]
    [InlineData("x[a\\pL]", "a Unicode property (\\p or \\P)", 3, 3)]
    [InlineData("x[[:<:]]", "the word-start assertion [[:<:]]", 1, 7)]
    [InlineData("x(*sr:a)", "a script run", 1, 7)]
    [InlineData("(*UTF)a", "(*UTF) mode", 0, 6)]
    [InlineData("(*UCP)a", "(*UCP) mode", 0, 6)]
    [InlineData("(*CR)a.", "a newline convention other than LF", 0, 5)]
    [InlineData("(*NOTEMPTY)a", "an empty-match restriction like (*NOTEMPTY)", 0, 11)]
    [InlineData("(*LIMIT_MATCH=10)a", "a match limit setting like (*LIMIT_MATCH=n)", 0, 17)]
    public void Unsupported_constructs_are_reported_with_their_span(string pattern, string construct, int offset, int length)
    {
        var result = PcreParser.Parse(pattern);
        Assert.Null(result.Error);
        var node = Assert.Single(result.Unsupported);
        Assert.Equal((construct, offset, length), (node.Construct, node.Offset, node.Length));
        Assert.False(result.IsSupported);
        Assert.Contains(node, Descendants(result.Root!));
    }

    [Theory]
    [InlineData("(*LF)a.")]
    [InlineData("(*CR)abc")]
    [InlineData("(*NO_JIT)(*NO_START_OPT)(*NO_AUTO_POSSESS)(*NO_DOTSTAR_ANCHOR)a")]
    [InlineData("(*BSR_ANYCRLF)a")]
    public void Settings_that_do_not_change_the_match_are_supported(string pattern)
    {
        Assert.True(PcreParser.Parse(pattern).IsSupported);
    }

    [Fact]
    public void Unsupported_constructs_are_listed_in_pattern_order_and_are_the_nodes_in_the_tree()
    {
        var result = PcreParser.Parse("(a)\\1(?=b)c++(?:d|(?>e))");
        Assert.Equal(new[] { "a backreference", "a lookahead assertion", "a possessive quantifier", "an atomic group" }, result.Unsupported.Select(u => u.Construct));
        Assert.Equal(result.Unsupported.OrderBy(u => u.Offset), result.Unsupported);
        var inTree = Descendants(result.Root!).OfType<UnsupportedNode>().ToList();
        Assert.Equal(result.Unsupported.Length, inTree.Count);
        Assert.All(result.Unsupported, u => Assert.Contains(inTree, t => ReferenceEquals(t, u)));
    }

    [Fact]
    public void Offsets_are_utf8_bytes_and_map_back_to_chars()
    {
        var result = PcreParser.Parse("\u00e9\u20ac\ud83d\ude00(?=x)");
        var node = Assert.Single(result.Unsupported);
        Assert.Equal(2 + 3 + 4, node.Offset);
        Assert.Equal(4, result.ToCharOffset(node.Offset));
        Assert.Equal(0, result.ToCharOffset(1));
        Assert.Equal(1, result.ToCharOffset(2));
        Assert.Equal(2, result.ToCharOffset(7));
        Assert.Equal(result.Pattern.Length, result.ToCharOffset(100));

        var error = PcreParser.Parse("\u00e9(").Error!;
        Assert.Equal((114, 3), (error.Code, error.Offset));
        Assert.Equal(2, PcreParser.Parse("\u00e9(").ToCharOffset(error.Offset));
    }

    [Fact]
    public void An_error_leaves_no_tree()
    {
        var result = PcreParser.Parse("*.example.com");
        Assert.Null(result.Root);
        Assert.False(result.IsValid);
        Assert.Equal(new PcreSyntaxError(109, "quantifier does not follow a repeatable item", 0), result.Error);
        Assert.Empty(result.Unsupported);
    }

    internal static IEnumerable<RegexNode> Descendants(RegexNode node)
    {
        yield return node;
        IEnumerable<RegexNode> children = node switch
        {
            SequenceNode s => s.Items,
            AlternationNode a => a.Alternatives,
            RepeatNode r => new[] { r.Body },
            GroupNode g => new[] { g.Body },
            _ => Array.Empty<RegexNode>(),
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
