using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Pcre;

/// <summary>The differential tests compare against the machine's libpcre2-8; without it they must fail, never pass vacuously.</summary>
public class OracleAvailabilityTests
{
    [Fact]
    public void The_real_pcre2_library_is_available()
    {
        Assert.True(Pcre2.IsAvailable, "libpcre2-8.so.0 cannot be loaded: install libpcre2-8-0 (10.42) so the PCRE2 differential tests can run");
        Assert.True(Pcre2.TryCompile("a").Ok);
    }
}
