using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Tests.Generator;

/// <summary>
/// CorsGen promises C# 11 (CORS009 below it): the code generated for every kind of policy compiles cleanly as C# 11, not
/// only as the C# 12 the other tests use (no collection expressions, no primary constructors, no C# 12 class bodies).
/// </summary>
public sealed class LanguageVersionTests
{
    [Theory]
    [InlineData("[KongCors] public static partial class AnyCors { }")]
    [InlineData("[KongCors(OriginsFromConfiguration = \"Cors:Origins\")] internal static partial class ConfiguredOnlyCors { }")]
    [InlineData("[KongCors(Origins = new[] { \"https://a.test\" }, OriginsFromConfiguration = \"Cors:Origins\", Credentials = true)] internal static partial class ConfiguredCors { }")]
    [InlineData("[KongCors(Origins = new[] { \"https://a.test\", @\"[a-z]+\\.internal\\.test\", @\"https://(a|b)*a(a|b){5}\\.test\" }, Headers = new[] { \"X-A\" })] internal static partial class MixedCors { }")]
    [InlineData("[KongCors(Origins = new[] { \"https://a.test\", \"https://b.test\" }, PreflightContinue = true, ExposedHeaders = new[] { \"X-Trace\" })] internal static partial class ContinueCors { }")]
    [InlineData("[KongCors(Origins = new[] { @\"(x|y)*x(x|y){12}\\.test\" }, MaxAge = 0, PrivateNetwork = true, AllowOriginAbsent = false)] internal static partial class NfaCors { }")]
    public void The_generated_code_compiles_as_csharp_11(string policy)
    {
        var source = "using CorsGen;\n\nnamespace Shop;\n\n#pragma warning disable CORS011\n" + policy + "\n";
        var compilation = GeneratorRunner.CreateCompilation([source], parseOptions: new CSharpParseOptions(LanguageVersion.CSharp11));
        var (output, result) = GeneratorRunner.Generate(compilation);
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
