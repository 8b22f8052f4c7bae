using CorsGen.Pcre;
using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Pcre;

/// <summary>
/// Every atom that matches one byte must resolve to exactly the byte set PCRE2 matches: for each byte 0..255,
/// <c>SetNode.Set.Contains(b)</c> must equal the real PCRE2's anchored match of the one-byte subject against
/// <c>(?:atom)\z</c>, with and without <c>(?i)</c> and <c>(?s)</c>.
/// </summary>
public class CharSetSemanticsTests
{
    public static readonly string[] Atoms =
    {
        // Literals and escapes of literals.
        "a", "A", "z", "0", "_", "-", "]", "}", "\\.", "\\/", "\\-", "\\\\", "\\[", "\\]", "\\{", "\\ ", "\\#", "\\t", "\\n", "\\r",
        "\\f", "\\e", "\\a", "\\x41", "\\x61", "\\x{41}", "\\x{0061}", "\\xff", "\\xe9", "\\x7f", "\\x", "\\x4", "\\o{101}",
        "\\o{0}", "\\o{377}", "\\101", "\\141", "\\0", "\\07", "\\01", "\\377", "[\\8]", "[\\9]", "[\\18]", "\\cA", "\\ca", "\\c?", "\\c[",
        "\\c@", "\\c_", "\\Qa\\E", "\\QZ\\E", "\\Q.\\E", "\\Q\\\\E",
        // Character types.
        ".", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\h", "\\H", "\\v", "\\V", "\\N",
        // Classes.
        "[abc]", "[^abc]", "[a]", "[^a]", "[A]", "[^A]", "[aA]", "[^aA]", "[a-z]", "[^a-z]", "[A-Z]", "[^A-Z]", "[a-zA-Z]",
        "[Z-a]", "[@-`]", "[0-9a-fA-F]", "[]a]", "[^]a]", "[a-]", "[-a]", "[a-z-]", "[%--]", "[\\w-]", "[\\d-]", "[\\w.-]",
        "[\\x41-\\x5a]", "[\\x00-\\x1f]", "[\\0-\\40]", "[\\101-\\132]", "[\\cA-\\cZ]", "[\\t-\\r]", "[a-\\x7f]", "[\\xc0-\\xff]",
        "[\\x80-\\xff]", "[^\\x80-\\xff]", "[^\\W\\d]", "[\\W\\d]", "[^\\s\\S]", "[\\s\\S]", "[\\h\\v]", "[^\\h]", "[\\H]",
        "[\\V]", "[^\\V]", "[\\D]", "[^\\D]", "[\\b]", "[\\Qa-c\\E]", "[\\Q^\\E]", "[a\\Q]\\E]", "[\\E^a]", "[\\Q\\E^a]",
        "[\\\\]", "[\\]]", "[\\[]", "[[]", "[a[]", "[\\^]", "[\\-]", "[k-k]", "[\\xe9]", "[^\\xe9]", "[\\x{e9}-\\x{ff}]",
        "[^\\n]", "[\\n]", "[.]", "[$]", "[|]", "[*+?]", "[(){}]",
        // POSIX classes.
        "[[:alpha:]]", "[[:lower:]]", "[[:upper:]]", "[[:alnum:]]", "[[:ascii:]]", "[[:blank:]]", "[[:cntrl:]]", "[[:digit:]]",
        "[[:graph:]]", "[[:print:]]", "[[:punct:]]", "[[:space:]]", "[[:word:]]", "[[:xdigit:]]", "[[:^alpha:]]", "[[:^lower:]]",
        "[[:^upper:]]", "[[:^alnum:]]", "[[:^ascii:]]", "[[:^blank:]]", "[[:^cntrl:]]", "[[:^digit:]]", "[[:^graph:]]",
        "[[:^print:]]", "[[:^punct:]]", "[[:^space:]]", "[[:^word:]]", "[[:^xdigit:]]", "[^[:alpha:]]", "[^[:^alpha:]]",
        "[[:digit:][:upper:]]", "[^[:space:]a]", "[[:lower:]_]", "[^[:upper:]0-9]", "[[:digit:]-]",
    };

    public static readonly string[] Prefixes = { "", "(?i)", "(?s)", "(?i)(?s)", "(?-i)", "(?i)(?-i)", "(?x)", "(?xx)" };

    public static TheoryData<string> AllAtoms()
    {
        var data = new TheoryData<string>();
        foreach (var atom in Atoms)
        {
            data.Add(atom);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllAtoms))]
    public void Atom_matches_the_bytes_pcre2_matches(string atom)
    {
        foreach (var prefix in Prefixes)
        {
            // In extended mode a literal space or '#' would be ignored or start a comment.
            if (prefix.Contains('x') && (atom.Contains(' ') || atom.Contains('#')))
            {
                continue;
            }

            var set = SingleSet(prefix + atom);
            using var oracle = Pcre2.Create(prefix + "(?:" + atom + ")\\z", utf8: true);
            var wrong = new List<int>();
            for (var b = 0; b < 256; b++)
            {
                if (set.Contains(b) != oracle.IsAnchoredMatch(new[] { (byte)b }))
                {
                    wrong.Add(b);
                }
            }

            Assert.True(wrong.Count == 0, $"{PcreDifferential.Show(prefix + atom)} resolves to {set}, wrong for bytes {string.Join(", ", wrong.Select(b => "0x" + b.ToString("x2")))}");
        }
    }

    [Fact]
    public void Caseless_negated_class_excludes_both_cases()
    {
        var set = SingleSet("(?i)[^a]");
        Assert.False(set.Contains('a'));
        Assert.False(set.Contains('A'));
        Assert.True(set.Contains('b'));
    }

    [Fact]
    public void Vertical_tab_is_space_for_both_backslash_s_and_posix_space()
    {
        Assert.True(SingleSet("\\s").Contains(0x0B));
        Assert.True(SingleSet("[[:space:]]").Contains(0x0B));
        Assert.False(SingleSet("[[:blank:]]").Contains(0x0B));
    }

    [Fact]
    public void Non_ascii_literal_is_one_set_per_utf8_byte()
    {
        var root = Assert.IsType<SequenceNode>(PcreParser.Parse("\u00e9").Root);
        Assert.Equal(new[] { 0xC3, 0xA9 }, root.Items.Select(n => SingleByte(Assert.IsType<SetNode>(n).Set)).ToArray());
    }

    private static int SingleByte(ByteSet set)
    {
        Assert.Equal(1, set.Count);
        return Enumerable.Range(0, 256).Single(set.Contains);
    }

    /// <summary>The one <see cref="SetNode"/> a pattern of one atom (after option settings) parses to.</summary>
    internal static ByteSet SingleSet(string pattern)
    {
        var result = PcreParser.Parse(pattern);
        Assert.True(result.Error is null, $"{PcreDifferential.Show(pattern)}: {result.Error}");
        var sequence = Assert.IsType<SequenceNode>(result.Root);
        var node = Assert.Single(sequence.Items);
        return Assert.IsType<SetNode>(node).Set;
    }
}
