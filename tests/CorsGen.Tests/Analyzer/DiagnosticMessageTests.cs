using System.Globalization;
using System.Text.RegularExpressions;
using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit.Abstractions;

namespace CorsGen.Tests.Analyzer;

/// <summary>
/// The shape of every message, as the .NET analyzers write them: one short sentence saying what is wrong and
/// where, the why and the fix in the description; and user text quoted in a message never breaks its line.
/// </summary>
public sealed class DiagnosticMessageTests(ITestOutputHelper output)
{
    private const int MaxMessageLength = 120;

    [Fact]
    public Task A_CR_LF_in_a_header_entry_is_escaped_so_the_message_stays_one_line() => AnalyzerVerifier.VerifyAsync(
        """
        using CorsGen;
        [KongCors(Headers = ["Content-Type", {|#0:"X-A\r\nX-B"|}])]
        static partial class P;
        """,
        expected: [new DiagnosticResult(Diagnostics.InvalidHeaderName).WithLocation(0).WithMessage(@"Headers entry 'X-A\r\nX-B' is not a valid HTTP header name")]);

    [Fact]
    public Task Tab_NUL_DEL_C1_controls_and_line_separators_are_escaped_and_other_text_is_kept() => AnalyzerVerifier.VerifyAsync(
        """
        using CorsGen;
        [KongCors(Methods = ["GET", {|#0:"PÜT"|}], ExposedHeaders = [{|#1:"A\tB\0C\u007FD\u0085E\u2028F\u2029G\\H"|}])]
        static partial class P;
        """,
        expected:
        [
            new DiagnosticResult(Diagnostics.InvalidMethod).WithLocation(0).WithMessage("Method 'PÜT' is not a valid HTTP method token"),
            new DiagnosticResult(Diagnostics.InvalidHeaderName).WithLocation(1)
                .WithMessage(@"ExposedHeaders entry 'A\tB\u0000C\u007FD\u0085E\u2028F\u2029G\H' is not a valid HTTP header name"),
        ]);

    [Fact]
    public void Every_message_is_one_sentence_of_at_most_120_characters_and_every_descriptor_has_a_description()
    {
        var failures = new List<string>();
        foreach (var descriptor in Diagnostics.All)
        {
            var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
            if (message.Length > MaxMessageLength)
            {
                failures.Add($"{descriptor.Id}: the message format has {message.Length} characters (at most {MaxMessageLength}): {message}");
            }

            if (Regex.IsMatch(message, @"\.\s+\p{Lu}") || message.Contains("; ", StringComparison.Ordinal) || message.EndsWith('.'))
            {
                failures.Add($"{descriptor.Id}: the message is not one sentence without a final period (the why and the fix go to the description): {message}");
            }

            if (message.Contains('\n', StringComparison.Ordinal) || message != message.Trim())
            {
                failures.Add($"{descriptor.Id}: the message has a line break or surrounding spaces.");
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                failures.Add($"{descriptor.Id}: no description (why it matters and how to fix it).");
            }
            else if (!description.EndsWith('.') || Regex.Matches(description, @"\.(\s+(?=\p{Lu})|$)").Count > 3)
            {
                failures.Add($"{descriptor.Id}: the description is not 1-3 sentences ending with a period: {description}");
            }
        }

        var longestFormat = Diagnostics.All.MaxBy(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture).Length)!;
        output.WriteLine($"Longest message format: {longestFormat.Id}, {longestFormat.MessageFormat.ToString(CultureInfo.InvariantCulture).Length} characters.");
        var (id, shown) = ShownMessages().MaxBy(m => m.Message.Length);
        output.WriteLine($"Longest formatted message (the docs pages' bad examples): {id}, {shown.Length} characters: {shown}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The messages the docs pages show for their bad examples: the analyzer's output for typical arguments.</summary>
    private static IEnumerable<(string Id, string Message)> ShownMessages()
    {
        var line = new Regex(@"^(?:error|warning|info) (CORS\d+): (.*)$");
        foreach (var page in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics"), "CORS*.md"))
        {
            foreach (var text in File.ReadLines(page))
            {
                if (line.Match(text) is { Success: true } match)
                {
                    yield return (match.Groups[1].Value, match.Groups[2].Value);
                }
            }
        }
    }
}
