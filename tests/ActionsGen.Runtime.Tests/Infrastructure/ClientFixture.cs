using ActionsGen.Runtime.Http;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>A generated client pointed at a loopback server, with the token <see cref="Token"/>.</summary>
public sealed class ClientFixture : IAsyncDisposable
{
    public const string Token = "ghp_test_token_0123456789";

    private ClientFixture(LoopbackServer server, HttpClient http, ActionsClient client)
    {
        Server = server;
        Http = http;
        Client = client;
    }

    public LoopbackServer Server { get; }

    public HttpClient Http { get; }

    public ActionsClient Client { get; }

    public static async Task<ClientFixture> StartAsync(Func<RecordedRequest, Reply>? handler = null, Action<ActionsClientOptions>? configure = null)
    {
        var server = await LoopbackServer.StartAsync(handler);
        var options = new ActionsClientOptions
        {
            BaseAddress = server.BaseAddress,
            Token = Token,
            // Retries stay on (as for users) but wait milliseconds, not seconds.
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) },
        };
        configure?.Invoke(options);
        var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        return new ClientFixture(server, http, new ActionsClient(http, options));
    }

    /// <summary>Asserts the headers every API request carries.</summary>
    public static void AssertGitHubHeaders(RecordedRequest request, string? token = Token)
    {
        Assert.Equal("application/vnd.github+json", request.Header("Accept"));
        Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
        Assert.Equal(ActionsClientOptions.DefaultUserAgent, request.Header("User-Agent"));
        Assert.Equal(token is null ? null : "Bearer " + token, request.Header("Authorization"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
