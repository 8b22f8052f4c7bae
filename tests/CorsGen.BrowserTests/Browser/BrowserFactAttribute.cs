namespace CorsGen.BrowserTests.Browser;

/// <summary>
/// A browser test: runs whenever Chromium is installed, and always in CI (where a missing or
/// broken Chromium fails it); skipped, saying why, on a machine without Chromium outside CI.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
