using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CorsGen.BrowserTests.Demo;

/// <summary>
/// The sample app (samples/MinimalApi), run as a user runs it: its own process on its default
/// address, <c>http://127.0.0.1:5080</c>. The port is fixed because the sample's PartnerCors lists
/// the demo page's origin, <c>http://localhost:5080</c>.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    public const int Port = 5080;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private SampleProcess(Process process, StringBuilder output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>What the sample printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<SampleProcess> StartAsync()
    {
        var assembly = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleAssembly").Value!;
        assembly = Path.GetFullPath(assembly);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The sample is not built at {assembly} (building the browser tests builds it).");
        }

        EnsurePortIsFree();
        var start = new ProcessStartInfo(DotnetHost(), [assembly, "--urls", $"http://127.0.0.1:{Port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            // DemoPage.cs prints the page's address once the sample listens.
            if (e.Data.StartsWith("Demo page:", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The sample exited before it was ready."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var sample = new SampleProcess(process, output);
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e)
        {
            await sample.DisposeAsync();
            throw new InvalidOperationException($"The sample did not start ({e.Message}). It printed:\n{sample.Output}", e);
        }

        return sample;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Only the process this class started (and its children).
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The <c>dotnet</c> host that runs these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static void EnsurePortIsFree()
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, Port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"The demo page test runs the sample on http://127.0.0.1:{Port}, its default address, but that port is in use " +
                "(is the sample already running?). Stop whatever listens on it and run the tests again.", e);
        }
    }
}
