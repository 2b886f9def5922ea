using System.Security.Cryptography;
using System.Text;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Telemetry;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// Replicas of one service behind one App installation spend one budget through a real Redis-protocol server:
/// the conditional-request cache, the installation token and the rate-limit window are shared; the token is never
/// readable in the store; a store that stops fails no call.
/// </summary>
[Collection(Isolated.Name)]
public sealed class SharedStateTests : IDisposable
{
    private static readonly string AppKey = RSA.Create(2048).ExportRSAPrivateKeyPem();

    private readonly RedisServer _redis = RedisServer.Start();
    private readonly List<IDisposable> _owned = [];

    private ActionsClient Replica(LoopbackServer server, TimeSpan maxRateLimitWait = default)
    {
        var options = ActionsClientOptions.ForGitHubApp(7, AppKey, 42, server.BaseAddress);
        options.UseConditionalRequests = true;
        options.SharedCache = _redis.NewCache();
        options.SharedCacheTimeout = TimeSpan.FromMilliseconds(300);
        options.MaxRateLimitWait = maxRateLimitWait;
        options.Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) };
        var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        _owned.Add(http);
        _owned.Add((IDisposable)options.SharedCache);
        return new ActionsClient(http, options);
    }

    // Each replica polls the runs in its own order, as independent processes would.
    private static async Task<int> PollAsync(ActionsClient replica, IEnumerable<long> runs)
    {
        var read = 0;
        foreach (var run in runs)
        {
            var got = await replica.WorkflowRuns.GetWorkflowRunAsync("octo-org", "octo-repo", run);
            Assert.Equal(run, got.Id);
            read++;
        }

        return read;
    }

    [Fact]
    public async Task Three_replicas_polling_the_same_runs_fetch_each_once_and_exchange_one_token()
    {
        var ghes = new GhesStandIn(budget: 5000);
        await using var server = await LoopbackServer.StartAsync(ghes.Handle);
        var replicas = Enumerable.Range(0, 3).Select(_ => Replica(server)).ToArray();

        var reads = 0;
        for (var round = 0; round < 3; round++)
        {
            var polled = await Task.WhenAll(replicas.Select((replica, i) => PollAsync(replica, Enumerable.Range(1, 20).Select(r => (long)r).OrderBy(r => (r * (i + 7) + round) % 20))));
            reads += polled.Sum();
        }

        Assert.Equal(180, reads);
        Assert.InRange(ghes.FullResponses, 20, 24);
        Assert.Equal(180 - ghes.FullResponses, ghes.NotModified);
        Assert.InRange(ghes.Exchanges, 1, 2);
        Assert.Equal(0, ghes.Unauthorized);
        await AssertNoTokenInStoreAsync(ghes);
    }

    [Fact]
    public async Task Once_one_replica_has_used_the_budget_up_no_replica_sends_until_the_reset()
    {
        var ghes = new GhesStandIn(budget: 10);
        await using var server = await LoopbackServer.StartAsync(ghes.Handle);
        var (first, second, third) = (Replica(server), Replica(server), Replica(server));

        // The tenth response says remaining 0: the window closes for every replica until the reset (30 minutes away).
        Assert.Equal(10, await PollAsync(first, Enumerable.Range(1, 10).Select(r => (long)r)));
        var refusals = new List<RateLimitExceededException>();
        foreach (var replica in new[] { first, second, third })
        {
            for (var run = 11; run <= 40; run++)
            {
                refusals.Add(await Assert.ThrowsAsync<RateLimitExceededException>(() => replica.WorkflowRuns.GetWorkflowRunAsync("octo-org", "octo-repo", run)));
            }
        }

        Assert.InRange(ghes.AfterBudget, 0, 1);
        Assert.Equal(10, ghes.FullResponses);
        Assert.All(refusals, e => Assert.False(e.WasSent));
        Assert.All(refusals, e => Assert.InRange(e.RetryAfter!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31)));
    }

    [Fact]
    public async Task A_store_that_stops_mid_run_fails_no_call_and_is_counted()
    {
        using var telemetry = new TelemetryCapture();
        var ghes = new GhesStandIn(budget: 5000);
        await using var server = await LoopbackServer.StartAsync(ghes.Handle);
        var replica = Replica(server);

        Assert.Equal(10, await PollAsync(replica, Enumerable.Range(1, 10).Select(r => (long)r)));
        Assert.Empty(telemetry.Of(ActionsTelemetry.SharedCacheFailures));
        _redis.Dispose();
        Assert.Equal(20, await PollAsync(replica, Enumerable.Range(1, 20).Select(r => (long)r)));

        Assert.NotEmpty(telemetry.Of(ActionsTelemetry.SharedCacheFailures));
        Assert.Equal(20, ghes.FullResponses);
        Assert.Equal(10, ghes.NotModified);
    }

    [Fact]
    public async Task A_reloaded_options_object_keeps_the_rate_limit_window()
    {
        var ghes = new GhesStandIn(budget: 3);
        await using var server = await LoopbackServer.StartAsync(ghes.Handle);
        var options = ActionsClientOptions.ForGitHubApp(7, AppKey, 42, server.BaseAddress);
        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        await PollAsync(new ActionsClient(http, options), [1, 2, 3]);

        var reloaded = ActionsClientOptions.ForGitHubApp(7, AppKey, 42, server.BaseAddress);
        reloaded.State = options.State;
        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => new ActionsClient(http, reloaded).WorkflowRuns.GetWorkflowRunAsync("o", "r", 4));

        Assert.False(error.WasSent);
        Assert.Equal(1, ghes.Exchanges);
        Assert.Equal(0, ghes.AfterBudget);
    }

    private async Task AssertNoTokenInStoreAsync(GhesStandIn ghes)
    {
        var stored = await _redis.DumpAsync();
        Assert.NotEmpty(stored);
        foreach (var token in ghes.Tokens)
        {
            var bytes = Encoding.UTF8.GetBytes(token);
            Assert.DoesNotContain(stored, entry => entry.Key.Contains(token, StringComparison.Ordinal) || entry.Value.AsSpan().IndexOf(bytes) >= 0);
        }
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _redis.Dispose();
    }
}
