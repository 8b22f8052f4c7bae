using System.Text.Json;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Kong;

/// <summary>
/// Every http case of Kong's own spec, sent through the generated code in a real pipeline. The
/// expectations are Kong's (adjusted for D1 where the corpus says so), header by header.
/// </summary>
public sealed class KongCorpusTests(KongCorpusFixture fixture) : IClassFixture<KongCorpusFixture>
{
    public static TheoryData<string> HttpCaseIds() => KongCorpus.IdsOf(KongCorpus.HttpCases);

    [Theory]
    [MemberData(nameof(HttpCaseIds))]
    public async Task Kong_http_case_passes_through_generated_code(string id)
    {
        var kongCase = KongCorpus.Get(id);
        using var response = await SendAsync(kongCase);
        var failures = Check(kongCase, response, await response.Content.ReadAsStringAsync());
        Assert.True(failures.Count == 0, $"{kongCase}\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public void Corpus_has_all_of_kongs_cases()
    {
        Assert.Equal(173, KongCorpus.HttpCases.Count());
        Assert.Equal(14, KongCorpus.SchemaCases.Count());
    }

    private Task<HttpResponseMessage> SendAsync(KongCase kongCase)
    {
        var request = kongCase.Request;
        var headers = request.GetProperty("headers").EnumerateObject().Select(h => (h.Name, h.Value.GetString()!)).ToList();
        var behavior = Behavior(kongCase);
        if (behavior is not null)
        {
            headers.Add((MockUpstream.BehaviorHeader, behavior));
        }

        var path = "/" + kongCase.PolicyClass + request.GetProperty("path").GetString();
        return fixture.Host.SendAsync(request.GetProperty("method").GetString()!, path, headers.ToArray());
    }

    /// <summary>What Kong's spec got from other plugins or the network, played by the mock upstream.</summary>
    private static string? Behavior(KongCase kongCase)
    {
        if (kongCase.Context.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var context = kongCase.Context.ToString();
        if (context.Contains("key-auth", StringComparison.Ordinal))
        {
            return MockUpstream.Unauthorized;
        }

        if (context.Contains("error-generator", StringComparison.Ordinal))
        {
            return MockUpstream.Throw;
        }

        return context.Contains("unreachable", StringComparison.Ordinal) ? MockUpstream.BadGateway : null;
    }

    private static List<string> Check(KongCase kongCase, HttpResponseMessage response, string body)
    {
        var failures = new List<string>();
        var expect = kongCase.Expect;
        if (expect.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && (int)response.StatusCode != status.GetInt32())
        {
            failures.Add($"status: expected {status.GetInt32()}, got {(int)response.StatusCode}");
        }

        foreach (var header in expect.GetProperty("headers").EnumerateObject())
        {
            var actual = response.Values(header.Name);
            var expected = header.Value.ValueKind switch
            {
                JsonValueKind.Null => Array.Empty<string>(),
                JsonValueKind.Array => header.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
                _ => [header.Value.ToString()],
            };

            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{header.Name}: expected [{string.Join(" | ", expected)}], got [{string.Join(" | ", actual)}]");
            }
        }

        if (expect.TryGetProperty("other", out var other))
        {
            CheckUpstream(other, body, failures);
        }

        return failures;
    }

    /// <summary>What the upstream saw or answered (its JSON body), where the case asserts it.</summary>
    private static void CheckUpstream(JsonElement other, string body, List<string> failures)
    {
        using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        if (other.TryGetProperty("upstream_body_json", out var expectedBody))
        {
            foreach (var field in expectedBody.EnumerateObject())
            {
                var actual = json.RootElement;
                foreach (var part in field.Name.Split('.'))
                {
                    actual = actual.ValueKind == JsonValueKind.Object && actual.TryGetProperty(part, out var next) ? next : default;
                }

                if (actual.ValueKind == JsonValueKind.Undefined || actual.ToString() != field.Value.ToString())
                {
                    failures.Add($"upstream body {field.Name}: expected {field.Value}, got {(actual.ValueKind == JsonValueKind.Undefined ? "nothing" : actual.ToString())}");
                }
            }
        }

        if (other.TryGetProperty("upstream_received_request_headers", out var expectedHeaders))
        {
            foreach (var field in expectedHeaders.EnumerateObject())
            {
                var received = json.RootElement.TryGetProperty("headers", out var headers) && headers.TryGetProperty(field.Name, out var value) ? value.GetString() : null;
                if (received != field.Value.GetString())
                {
                    failures.Add($"upstream request header {field.Name}: expected {field.Value}, got {received ?? "nothing"}");
                }
            }
        }
    }
}
