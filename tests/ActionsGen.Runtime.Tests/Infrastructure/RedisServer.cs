using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>
/// A real Redis-protocol server on a random loopback port, started by the test itself: Debian's <c>redis-server</c>
/// where it is installed, else Garnet (Microsoft.Garnet from NuGet) hosted in the test process, so that
/// <c>dotnet test</c> alone works on a fresh machine.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly GarnetServer? _garnet;
    private readonly Process? _process;

    private RedisServer(int port, GarnetServer? garnet, Process? process, string kind)
    {
        Port = port;
        _garnet = garnet;
        _process = process;
        Kind = kind;
    }

    public int Port { get; }

    /// <summary><c>garnet</c> or <c>redis-server</c>.</summary>
    public string Kind { get; }

    public string Endpoint => "127.0.0.1:" + Port;

    public static RedisServer Start()
    {
        var port = FreePort();
        if (Environment.GetEnvironmentVariable("ACTIONSGEN_REDIS") != "garnet" && FindRedisServer() is { } redis)
        {
            var process = Process.Start(new ProcessStartInfo(redis, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            WaitForPort(port);
            return new RedisServer(port, null, process, "redis-server");
        }

        var garnet = new GarnetServer(["--port", port.ToString(), "--bind", "127.0.0.1", "--memory", "64m", "--index", "1m", "--logger-level", "Error"]);
        garnet.Start();
        WaitForPort(port);
        return new RedisServer(port, garnet, null, "garnet");
    }

    /// <summary>A <see cref="RedisCache"/> of its own connection, as each replica of a service would have.</summary>
    public RedisCache NewCache() => new(new RedisCacheOptions { Configuration = Endpoint + ",abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000", InstanceName = "svc:" });

    /// <summary>Every key and its value as stored, for checking what the store can read.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> DumpAsync()
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Endpoint + ",allowAdmin=true");
        var server = connection.GetServer(Endpoint);
        var database = connection.GetDatabase();
        var result = new Dictionary<string, byte[]>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            var type = await database.KeyTypeAsync(key);
            if (type == StackExchange.Redis.RedisType.Hash)
            {
                foreach (var entry in await database.HashGetAllAsync(key))
                {
                    result[key.ToString() + "#" + entry.Name] = (byte[])entry.Value!;
                }
            }
            else if (type == StackExchange.Redis.RedisType.String)
            {
                result[key!] = (byte[])(await database.StringGetAsync(key))!;
            }
        }

        return result;
    }

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _garnet?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
    }

    private static string? FindRedisServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException("The Redis-protocol server did not listen on port " + port + " within 20 s.");
    }
}
