using System.Diagnostics;
using System.Text;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, each command with a time limit, its output
/// (stdout and stderr, interleaved) captured for the assertion messages.
/// </summary>
internal static class DotnetCli
{
    /// <summary>The muxer running these tests, so the commands use the same SDK.</summary>
    private static readonly string Dotnet = FindDotnet();

    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs a command to its end; kills its process tree and fails after <paramref name="timeout"/>.</summary>
    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments) =>
        RunProgramAsync(Dotnet, workingDirectory, environment, timeout, arguments);

    /// <summary>Runs a program (a published app's executable) to its end, as <see cref="RunAsync"/> runs <c>dotnet</c>.</summary>
    public static async Task<Result> RunProgramAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        using var process = StartProgram(program, workingDirectory, environment, arguments, out var output);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw new TimeoutException($"`{Path.GetFileName(program)} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds:0} s:\n{Text(output)}");
        }

        return new Result(process.ExitCode, Text(output));
    }

    /// <summary>Starts a long-running command (a server); the caller must <see cref="Kill"/> it.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments, out StringBuilder output) =>
        StartProgram(Dotnet, workingDirectory, environment, arguments, out output);

    /// <summary>Starts a program (a published app's executable) as <see cref="Start"/> starts <c>dotnet</c>.</summary>
    public static Process StartProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments, out StringBuilder output)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would leak into these builds.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var captured = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(captured, e.Data);
        process.ErrorDataReceived += (_, e) => Append(captured, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = captured;
        return process;
    }

    /// <summary>Kills the process and every process it started; never throws.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while being killed.
        }
    }

    public static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string FindDotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
