using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ActionsGen.Runtime.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The issue's fleet, as processes: three replicas of tests/ActionsGen.Replica (the built-in client, GitHub App auth,
/// conditional requests, a RedisCache as SharedCache) against a loopback GHES stand-in and a real Redis-protocol server.
/// </summary>
[Collection(Isolated.Name)]
public sealed class ReplicaProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly RedisServer _redis = RedisServer.Start();
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), "actionsgen-replica-" + Guid.NewGuid().ToString("N") + ".pem");

    [Fact]
    public async Task Three_replica_processes_share_one_budget()
    {
        await File.WriteAllTextAsync(_keyFile, RSA.Create(2048).ExportRSAPrivateKeyPem());
        var ghes = new GhesStandIn(budget: 5000);
        await using var server = await LoopbackServer.StartAsync(ghes.Handle);

        var polls = await Task.WhenAll(Enumerable.Range(1, 3).Select(seed => RunReplicaAsync(server, 1, 20, rounds: 3, seed, delayMs: (seed - 1) * 500)));

        output.WriteLine($"{_redis.Kind}: full responses {ghes.FullResponses}, 304s {ghes.NotModified}, token exchanges {ghes.Exchanges}");
        Assert.All(polls, p => Assert.Equal("read=60 not_sent=0 refused=0 failed=0", p));
        Assert.InRange(ghes.FullResponses, 20, 24);
        Assert.InRange(ghes.Exchanges, 1, 2);
        var stored = await _redis.DumpAsync();
        foreach (var token in ghes.Tokens)
        {
            Assert.DoesNotContain(stored, entry => entry.Value.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)) >= 0);
        }
    }

    [Fact]
    public async Task Once_one_replica_process_used_the_budget_up_the_others_learn_it_from_the_store()
    {
        await File.WriteAllTextAsync(_keyFile, RSA.Create(2048).ExportRSAPrivateKeyPem());
        var ghes = new GhesStandIn(budget: 25);
        await using var server = await LoopbackServer.StartAsync(ghes.Handle);

        var first = await RunReplicaAsync(server, 1, 40, rounds: 1, seed: 1);
        var others = await Task.WhenAll(RunReplicaAsync(server, 41, 80, rounds: 1, seed: 2), RunReplicaAsync(server, 41, 80, rounds: 1, seed: 3));

        output.WriteLine($"{_redis.Kind}: first {first}; others {string.Join(", ", others)}; requests after the budget {ghes.AfterBudget}");
        Assert.Equal("read=25 not_sent=15 refused=0 failed=0", first);
        Assert.All(others, o => Assert.Equal("read=0 not_sent=40 refused=0 failed=0", o));
        Assert.InRange(ghes.AfterBudget, 0, 1);
    }

    private async Task<string> RunReplicaAsync(LoopbackServer server, int from, int to, int rounds, int seed, int delayMs = 0)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            ReplicaPath(), "--base", server.BaseAddress.ToString(), "--redis", _redis.Endpoint, "--key", _keyFile, "--app", "7", "--installation", "42",
            "--from", from.ToString(), "--to", to.ToString(), "--rounds", rounds.ToString(), "--seed", seed.ToString(), "--delay-ms", delayMs.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr + await stdout);
        output.WriteLine("replica " + seed + ": " + (await stdout).Trim() + " " + (await stderr).Trim());
        return (await stdout).Trim();
    }

    // artifacts/bin/<project>/<configuration>/: built by the solution beside this project (a reference not referenced).
    private static string ReplicaPath()
    {
        var ownOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var replica = Path.Combine(ownOutput.Parent!.Parent!.FullName, "ActionsGen.Replica", ownOutput.Name, "ActionsGen.Replica.dll");
        Assert.True(File.Exists(replica), "build the solution first: " + replica + " is missing");
        return replica;
    }

    public void Dispose()
    {
        _redis.Dispose();
        File.Delete(_keyFile);
    }
}
