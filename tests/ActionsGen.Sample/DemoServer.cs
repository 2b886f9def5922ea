using ActionsGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionsGen.Sample;

/// <summary>
/// Demo mode: a loopback "API" that answers with the spec's examples (and checks the token and headers), and a
/// second loopback "storage" host the log redirect points to, which refuses any request carrying a token.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    public const string Token = "demo-token";

    private readonly WebApplication _api;
    private readonly WebApplication _storage;

    private DemoServer(WebApplication api, WebApplication storage, Uri apiAddress)
    {
        _api = api;
        _storage = storage;
        ApiAddress = apiAddress;
    }

    public Uri ApiAddress { get; }

    public static async Task<DemoServer> StartAsync()
    {
        var storage = KestrelLoopback.Create();
        storage.Run(context => context.Request.Headers.ContainsKey("Authorization")
            ? Results.BadRequest("the token must not reach the storage host").ExecuteAsync(context)
            : context.Response.WriteAsync(DemoLog));
        var storageAddress = await KestrelLoopback.StartAsync(storage);

        var api = KestrelLoopback.Create();
        api.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + Token || context.Request.Headers["X-GitHub-Api-Version"] != "2022-11-28")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["message"] = "Bad credentials" });
                return;
            }

            context.Response.Headers["x-ratelimit-limit"] = "5000";
            context.Response.Headers["x-ratelimit-remaining"] = "4999";
            context.Response.Headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await next(context);
        });
        api.MapGet("/repos/{owner}/{repo}/actions/runs", () => Example("actions/list-workflow-runs-for-repo 200"));
        api.MapGet("/repos/{owner}/{repo}/actions/runs/{runId:long}/jobs", () => Example("actions/list-jobs-for-workflow-run 200"));
        api.MapGet("/repos/{owner}/{repo}/actions/jobs/{jobId:long}/logs", (long jobId) => Results.Redirect(new Uri(storageAddress, $"job-logs/{jobId}.txt?sig=demo").AbsoluteUri));
        var apiAddress = await KestrelLoopback.StartAsync(api);
        return new DemoServer(api, storage, apiAddress);
    }

    private const string DemoLog =
        "2020-01-20T17:42:40.8000000Z ##[group]Run actions/checkout@v4\n" +
        "2020-01-20T17:42:41.2000000Z Syncing repository: octo-org/hello-world\n" +
        "2020-01-20T17:42:41.9000000Z ##[endgroup]\n" +
        "2020-01-20T17:44:39.0000000Z Job completed.\n";

    private static IResult Example(string key) => Results.Text(SpecExamples.Get(key), "application/json; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
