using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Pcre;

/// <summary>
/// PCRE2 rejects a pattern whose compiled code would pass 65536 code units ("regular expression is too large").
/// For many shapes of repeated item, the test finds the largest repeat count PCRE2 accepts, then requires our
/// parser to accept that count and reject the next ones with PCRE2's exact error, so the size model is checked
/// exactly at the limit rather than far from it.
/// </summary>
public class CompiledSizeLimitTests
{
    private static readonly string[] Shapes =
    {
        "(?:X){N}", "(X){N}", "(?:X){N,}", "(?:X){0,N}", "(?:X){1,N}", "(?:X){2,N}+", "X{N}", "X{1,N}", "(?:xX{N}){3}",
        "(?:(?:X){N}){2}", "(?:X|y){N}", "(?=X){N}", "(?:X){N,}+", "(a)(?:X){N}", "(?:X){N}\\9",
    };

    private static readonly string[] Items =
    {
        "a", "ab", "[ab]", "[a]", "[aA]", "[kK]", "\\d", ".", "\\p{L}", "(a)\\1", "(?1)", "(?=a)", "(?<=ab|c)", "(?>ab)",
        "(?(1)a|b)", "(*MARK:abc)", "(?C1)", "(?C\"xyz\")", "[\\w\\p{L}]", "\u00e9", "[[:>:]]", "a|b|c", "\\d{1,3}+",
    };

    public static TheoryData<string> AllShapes()
    {
        var data = new TheoryData<string>();
        foreach (var shape in Shapes)
        {
            data.Add(shape);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Repeat_counts_at_the_size_limit_get_pcre2s_verdict(string shape)
    {
        var checkedCount = 0;
        foreach (var item in Items)
        {
            var template = shape.Replace("X", item);
            string At(int n) => template.Replace("N", n.ToString());
            bool PcreAccepts(int n) => Pcre2.TryCompile(At(n), utf8: true) is { } r && (r.Ok || r.ErrorCode != 120);

            if (!PcreAccepts(1) || PcreAccepts(65535))
            {
                continue; // invalid for another reason, or never too large
            }

            int low = 1, high = 65535;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (PcreAccepts(middle))
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            foreach (var n in new[] { low - 1, low, low + 1, low + 2 })
            {
                var outcome = PcreDifferential.Compare(At(n));
                Assert.True(outcome.SameError, outcome.ToString());
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 0, $"no item reaches the size limit in {shape}");
    }
}
