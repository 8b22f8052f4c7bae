using Microsoft.CodeAnalysis.Testing;

namespace CorsGen.Tests.Analyzer;

/// <summary>
/// Issue 15: OriginsFromConfiguration checked at build time where the file is visible. The entries under the policy's key
/// in every appsettings*.json AdditionalFile get the analyzer's own diagnostics at the offending string (markup spans are
/// exact: the string token of an array element, the part of a comma-separated string).
/// </summary>
public sealed class SettingsFileDiagnosticsTests
{
    private const string Policy = """
        using CorsGen;

        [KongCors(Origins = ["https://shop.example.com"], OriginsFromConfiguration = "Cors:Origins", Credentials = true)]
        internal static partial class PartnerCors;
        """;

    [Fact]
    public Task Each_bad_entry_of_an_array_is_reported_at_its_string_with_the_analyzers_message() =>
        AnalyzerVerifier.VerifyAsync(
            Policy,
            additionalFiles:
            [
                ("/app/appsettings.json", """
                    {
                      // Comments and trailing commas, as the JSON configuration provider reads them.
                      "Logging": { "LogLevel": { "Default": "Information" } },
                      "Cors": {
                        "Origins": [
                          "https://partner.example.com",
                          {|#0:"https://(a.test"|},
                          {|#1:""|},
                          {|#2:"http://plain.example.com"|},
                        ],
                      },
                    }
                    """),
            ],
            expected:
            [
                new DiagnosticResult("CORS001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("https://(a.test", "missing closing parenthesis", "114", "15"),
                new DiagnosticResult("CORS008", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("2", "an empty string"),
                new DiagnosticResult("CORS025", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2)
                    .WithArguments("http://plain.example.com", "http://plain.example.com"),
            ]);

    [Fact]
    public Task A_comma_separated_value_is_reported_at_the_part_and_in_every_environments_file() =>
        AnalyzerVerifier.VerifyAsync(
            Policy,
            additionalFiles:
            [
                ("/app/appsettings.Development.json", """
                    { "CORS": { "origins": "https://ok.test, {|#0:https://(b.test|}" } }
                    """),
                ("/app/appsettings.Production.json", """
                    { "Cors": { "Origins": [ "https://ok.test", {|#1:"https://*.example.com"|} ] } }
                    """),
                ("/app/appsettings.Staging.json", """
                    { "Cors": { "Origins": "{|#2:*|}" } }
                    """),
            ],
            expected:
            [
                new DiagnosticResult("CORS001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("https://(b.test", "missing closing parenthesis", "114", "15"),
                new DiagnosticResult("CORS020", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1).WithArguments("https://*.example.com"),
                new DiagnosticResult("CORS021", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
                    .WithArguments("https://*.example.com", "https:/.examplexcom"),
                new DiagnosticResult("CORS003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("Origins entry '*'"),
            ]);

    [Fact]
    public Task Other_files_other_keys_and_json_the_application_could_not_read_are_left_alone() =>
        AnalyzerVerifier.VerifyAsync(
            Policy,
            additionalFiles:
            [
                ("/app/other.json", """{ "Cors": { "Origins": [ "https://(a.test" ] } }"""),
                ("/app/appsettings.json", """{ "Cors": { "OtherOrigins": [ "https://(a.test" ], "Origins": [ "https://fine.test" ] } }"""),
                ("/app/appsettings.Staging.json", """{ "Cors": { "Origins": [ "https://(a.test" """),
            ]);
}
