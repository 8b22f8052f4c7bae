namespace CorsGen.Tests.Package;

/// <summary>
/// A Native AOT test: runs whenever clang is installed, and always in CI (CI=true), where a missing clang fails it;
/// skipped, saying why, on a machine without clang outside CI.
/// </summary>
public sealed class AotFactAttribute : FactAttribute
{
    public AotFactAttribute()
    {
        if (!File.Exists("/usr/bin/clang") && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "Native AOT needs clang and zlib: `apt-get install -y clang zlib1g-dev` to run this test (outside CI it skips without them).";
        }
    }
}
