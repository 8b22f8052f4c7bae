namespace CorsGen.Tests;

public class SmokeTests
{
    [Fact]
    public void ByteSet_range_contains_its_ends()
    {
        var set = CorsGen.Pcre.ByteSet.Range('a', 'z');
        Assert.True(set.Contains('a'));
        Assert.True(set.Contains('z'));
        Assert.False(set.Contains('A'));
    }
}
