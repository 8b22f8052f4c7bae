using CorsGen.Policy;

namespace CorsGen.Tests.Policy;

/// <summary>O8 at build time: Kong's normalize_origin over LuaSocket 3.0-rc1's url.parse.</summary>
public sealed class KongOriginTests
{
    [Theory]
    [InlineData("http://foo.test", "http://foo.test", "foo.test")]
    [InlineData("http://foo.test:80", "http://foo.test", "foo.test")]
    [InlineData("https://foo.test:443", "https://foo.test", "foo.test")]
    [InlineData("https://foo.test:80", "https://foo.test:80", "foo.test")]
    [InlineData("http://foo.test:443", "http://foo.test:443", "foo.test")]
    [InlineData("http://my-site.test:8000", "http://my-site.test:8000", "my-site.test")]
    [InlineData("HTTP://FOO.TEST:80", "HTTP://FOO.TEST:80", "FOO.TEST")]
    [InlineData("http://user:pw@foo.test:8080/path?q#f", "http://foo.test:8080", "foo.test")]
    [InlineData("http://a.test?x", "http://a.test?x", "a.test?x")]
    [InlineData("http://a.test#x", "http://a.test", "a.test")]
    [InlineData("http://a.test:", "http://a.test:", "a.test")]
    [InlineData("http://[::1]:8080", "http://::1:8080", "::1")]
    [InlineData("http://[::1]", "http://::1", "::1")]
    [InlineData("//foo.test:81", "foo.test:81", "foo.test")]
    [InlineData("git+ssh://h.test", "git+ssh://h.test", "h.test")]
    public void Origins_with_an_authority_are_rebuilt_from_scheme_host_and_port(string origin, string domain, string host)
    {
        var normalized = KongOrigin.Normalize(origin);
        Assert.Equal(domain, normalized.Domain);
        Assert.Equal(host, normalized.Host);
    }

    [Theory]
    [InlineData("foo.test")]
    [InlineData("foo.test:8080")]
    [InlineData("null")]
    [InlineData("http:/foo.test")]
    [InlineData("http://")]
    [InlineData("http://:80")]
    [InlineData("http://u@")]
    [InlineData("1http//x")]
    [InlineData("-a://b")]
    public void Strings_without_a_host_are_their_own_normal_form(string origin)
    {
        var normalized = KongOrigin.Normalize(origin);
        Assert.Equal(origin, normalized.Domain);
        Assert.Equal(origin, normalized.Host);
    }

    [Theory]
    [InlineData("foo.test", nameof(OriginEntryKind.Literal))]
    [InlineData("https://bar.test:1234", nameof(OriginEntryKind.Literal))]
    [InlineData("*", nameof(OriginEntryKind.Wildcard))]
    [InlineData(@"foo\.test", nameof(OriginEntryKind.Regex))]
    [InlineData("http://my_site.test", nameof(OriginEntryKind.Regex))]
    [InlineData("https://*.example.com", nameof(OriginEntryKind.Regex))]
    [InlineData("**", nameof(OriginEntryKind.Regex))]
    public void O4_entries_are_regexes_iff_they_use_a_char_outside_the_literal_set(string entry, string kind)
    {
        Assert.Equal(kind, OriginEntry.Classify(entry).ToString());
    }

    [Theory]
    [InlineData(@"foo\.test", @"foo\.test$", true)]
    [InlineData(@"^http://(.*[.])?foo\.test(:(80|90))?$", @"http://(.*[.])?foo\.test(:(80|90))?$", false)]
    [InlineData(@"^^a", @"^a$", true)]
    [InlineData(@"a|b", @"a|b$", true)]
    [InlineData(@".*\.?example(?:-foo)?.test", @".*\.?example(?:-foo)?.test$", false)]
    public void O6_O7_regexes_are_anchored_as_kong_anchors_them(string entry, string adjusted, bool hostOnly)
    {
        Assert.Equal(adjusted, OriginEntry.AdjustRegex(entry));
        Assert.Equal(hostOnly, OriginEntry.IsHostOnlyRegex(OriginEntry.AdjustRegex(entry)));
    }
}
