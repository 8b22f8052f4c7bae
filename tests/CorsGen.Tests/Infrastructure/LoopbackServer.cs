using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsGen.Tests.Infrastructure;

/// <summary>What the tests that start a real server process on loopback share.</summary>
internal static class LoopbackServer
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the app answers <c>GET /</c> (any status); fails with its output if it exits or stays silent.</summary>
    public static async Task WaitUntilListeningAsync(HttpClient client, Process app, StringBuilder output, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (app.HasExited)
            {
                Assert.Fail($"The app exited with {app.ExitCode}:\n{DotnetCli.Text(output)}");
            }

            try
            {
                using var probe = await client.GetAsync("/");
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(250);
            }
            catch (HttpRequestException e)
            {
                Assert.Fail($"The app did not listen within {timeout.TotalSeconds:0} s ({e.Message}):\n{DotnetCli.Text(output)}");
            }
        }
    }

    /// <summary>Sends a request with an <c>Origin</c> header and any other headers, as a browser's page would.</summary>
    public static async Task<HttpResponseMessage> SendWithOriginAsync(this HttpClient client, HttpMethod method, string path, string origin, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Deletes a folder, retrying while a process that was just killed still holds a file.</summary>
    public static void DeleteDirectory(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (attempt < 5 && e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }
}
