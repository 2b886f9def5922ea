using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActionsGen.Package.Tests.Infrastructure;

/// <summary>
/// A built ASP.NET Core app run as users run it, <c>dotnet app.dll</c> in a process of its own, listening on a free
/// loopback port (<c>ASPNETCORE_URLS</c>); killed, with its children, when disposed.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
        Http = new HttpClient { BaseAddress = root };
    }

    /// <summary>The app's root address, ending in '/'.</summary>
    public Uri Root { get; }

    /// <summary>A client with <see cref="Root"/> as its base address.</summary>
    public HttpClient Http { get; }

    public int Id => _process.Id;

    /// <summary>What the app wrote to stdout and stderr so far (its console log).</summary>
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

    /// <summary>
    /// Starts <paramref name="assembly"/> and waits until a GET of <paramref name="readyPath"/> answers 2xx.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string assembly, string readyPath, IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}/"));
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(readyPath, TimeSpan.FromMinutes(1));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>
    /// The most resident memory the process has used so far (<c>VmHWM</c> in <c>/proc/{pid}/status</c>), in bytes;
    /// null where there is no such file (outside Linux).
    /// </summary>
    public long? PeakResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!OperatingSystem.IsLinux() || !File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited ({_process.ExitCode}) before it answered:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"The app did not answer GET {path} within {timeout.TotalSeconds:F0} s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    // The OS picks a port nothing listens on; another process could take it before the app binds it, a race a test accepts.
    private static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
