using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ActionsGen.Testing;

/// <summary>What arrived at the server, exactly as sent: the raw request target, headers and body.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The server's id of the TCP connection the request came on.</summary>
    public string ConnectionId { get; init; } = string.Empty;

    public string Path => RawTarget.Split('?')[0];

    public string Query => RawTarget.Contains('?') ? RawTarget[(RawTarget.IndexOf('?') + 1)..] : string.Empty;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the server answers.</summary>
public sealed record Reply(int Status, string? Body = null, string ContentType = "application/json; charset=utf-8")
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Delay { get; init; }

    /// <summary>Drop the connection without answering (a connection reset for the client).</summary>
    public bool Abort { get; init; }

    /// <summary>Write this many bytes of <see cref="Body"/> and then stall for <see cref="StallAfterBody"/>.</summary>
    public TimeSpan StallAfterBody { get; init; }

    /// <summary>A body written as <see cref="Chunk"/> repeated this many times, without buffering it (large bodies).</summary>
    public int ChunkCount { get; init; }

    public byte[]? Chunk { get; init; }

    public static Reply Json(string body, int status = 200) => new(status, body);

    public static Reply NoBody(int status) => new(status);

    public Reply WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}

/// <summary>A real HTTP server (Kestrel) on 127.0.0.1 with a random port that records every request.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers requests; replaceable between calls.</summary>
    public Func<RecordedRequest, Reply> Handler { get; set; } = _ => Reply.NoBody(404);

    public RecordedRequest Single() => Requests.Count == 1
        ? Requests.First()
        : throw new InvalidOperationException($"expected exactly one request, the server saw {Requests.Count}");

    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, Reply>? handler = null)
    {
        var app = KestrelLoopback.Create();
        LoopbackServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        server = new LoopbackServer(app, await KestrelLoopback.StartAsync(app));
        if (handler is not null)
        {
            server.Handler = handler;
        }

        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(context.Request.Method, context.Features.Get<IHttpRequestFeature>()!.RawTarget, headers, body.ToArray()) { ConnectionId = context.Connection.Id };
        Requests.Enqueue(recorded);
        var reply = Handler(recorded);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }

        if (reply.Chunk is not null)
        {
            context.Response.ContentType = reply.ContentType;
            for (var i = 0; i < reply.ChunkCount && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(reply.Chunk, context.RequestAborted);
            }
        }

        if (reply.StallAfterBody > TimeSpan.Zero)
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(reply.StallAfterBody, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
