using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActionsGen.Testing.Drift;

/// <summary>
/// Prism (npm @stoplight/prism-cli) serving one OpenAPI description on a free loopback port with random responses the
/// description allows (<c>prism mock -d</c>); it validates each request against the description too. Disposing kills
/// the process (and, should a test process end without disposing, so does its exit).
/// </summary>
public sealed class PrismMock : IAsyncDisposable
{
    /// <summary>The pinned version: the issue's measurement used Prism 5.14.</summary>
    public const string Version = "5.14.2";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly EventHandler _onExit;

    private PrismMock(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        _onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    /// <summary>Where Prism listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What Prism printed so far (its request log).</summary>
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

    /// <summary>Prism's command-line entry point, installed into the npm cache on first use, or why it could not be.</summary>
    public static Task<DescriptionFile> CliAsync() =>
        NpmCache.FileAsync("@stoplight/prism-cli", Version, "dist/index.js", TimeSpan.FromMinutes(5));

    /// <summary>
    /// Starts <c>node &lt;cli&gt; mock -d</c> on <paramref name="description"/> and waits until it listens. With a
    /// <paramref name="seed"/> Prism answers each request the same way every time; without one, at random.
    /// </summary>
    public static async Task<PrismMock> StartAsync(string cli, string description, string? seed, TimeSpan timeout)
    {
        // A free port can be taken between asking and listening: try again on another.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            string[] arguments = [cli, "mock", "--dynamic", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. seed is null ? [] : new[] { "--seed", seed }, description];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NO_COLOR"] = "1";
            var output = new StringBuilder();
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            DataReceivedEventHandler onLine = (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            };
            process.OutputDataReceived += onLine;
            process.ErrorDataReceived += onLine;
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited"));
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var mock = new PrismMock(process, output, new Uri($"http://127.0.0.1:{port}/"));
            try
            {
                await listening.Task.WaitAsync(timeout);
                return mock;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                await mock.DisposeAsync();
                var text = mock.Output;
                if (attempt < 3 && text.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    continue;
                }

                throw new InvalidOperationException(
                    $"Prism did not start on {description} ({(e is TimeoutException ? "not listening after " + timeout.TotalSeconds + " s" : "it exited")}): " + LastLines(text), e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LastLines(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(6));
}
