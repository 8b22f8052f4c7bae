using System.Reflection;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Kong;

/// <summary>
/// Compiles every configuration of the corpus with the real generator, once, and hosts them all in
/// one ASP.NET Core pipeline (one route group per configuration).
/// </summary>
public sealed class KongCorpusFixture : IAsyncLifetime
{
    internal Assembly Policies { get; private set; } = null!;

    internal PolicyHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var cases = KongCorpus.HttpCases.ToList();
        Policies = GeneratorRunner.CompileAndLoad(KongCorpus.PolicySource(cases));
        Host = await PolicyHost.StartAsync(Policies, cases.Select(c => c.PolicyClass).Distinct());
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
