using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ActionsGen.Runtime;

/// <summary>Where a generated client sends its requests and how it identifies itself.</summary>
/// <remarks>The token never appears in <see cref="object.ToString"/>, exception messages or logs.</remarks>
public sealed class ActionsClientOptions
{
    /// <summary>The GitHub.com REST API.</summary>
    public static readonly Uri GitHubApiAddress = new("https://api.github.com/");

    /// <summary>The REST API version this SDK was written against (sent as <c>X-GitHub-Api-Version</c>).</summary>
    public const string DefaultApiVersion = "2022-11-28";

    /// <summary>The default <c>User-Agent</c>: GitHub rejects requests without one.</summary>
    public const string DefaultUserAgent = "ActionsGen/1.0 (+https://github.com/actionsgen/actionsgen)";

    private Uri _baseAddress = GitHubApiAddress;
    private string _userAgent = DefaultUserAgent;
    private string _apiVersion = DefaultApiVersion;
    private string? _token;

    /// <summary>The API root, e.g. <c>https://api.github.com/</c> or <c>https://HOST/api/v3/</c>. Must be HTTPS unless it is a loopback address.</summary>
    public Uri BaseAddress
    {
        get => _baseAddress;
        set => _baseAddress = ValidateBaseAddress(value);
    }

    /// <summary>A personal access token or installation token, sent as <c>Authorization: Bearer</c>. Ignored when <see cref="TokenProvider"/> is set.</summary>
    public string? Token
    {
        get => _token;
        set => _token = value is null ? null : HeaderValue(value, nameof(Token));
    }

    /// <summary>Called before each request for the current token (GitHub App installation tokens expire hourly); null sends no <c>Authorization</c>.</summary>
    public Func<CancellationToken, ValueTask<string?>>? TokenProvider { get; set; }

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string UserAgent
    {
        get => _userAgent;
        set => _userAgent = HeaderValue(value, nameof(UserAgent));
    }

    /// <summary>The <c>X-GitHub-Api-Version</c> header.</summary>
    public string ApiVersion
    {
        get => _apiVersion;
        set => _apiVersion = HeaderValue(value, nameof(ApiVersion));
    }

    /// <summary>The largest response body read into memory (default 32 MiB); a larger one fails instead of exhausting memory.</summary>
    public int MaxResponseBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Retries of transient failures (connection errors, timeouts, 500/502/503/504) on idempotent requests.</summary>
    public ActionsGen.Runtime.Http.RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// How long a request may wait for a rate limit to reset (primary: <c>x-ratelimit-reset</c>; secondary:
    /// <c>Retry-After</c>) and then retry once. Zero (the default) never waits: the call throws
    /// <see cref="Errors.RateLimitExceededException"/> with the reset time.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.Zero;

    /// <summary>Send <c>If-None-Match</c> for GETs answered with an <c>ETag</c> before and serve 304s from memory (304s do not count against the rate limit).</summary>
    public bool UseConditionalRequests { get; set; }

    /// <summary>How many responses the conditional-request cache keeps. Default 256.</summary>
    public int ConditionalRequestCacheSize { get; set; } = 256;

    /// <summary>Options for a GitHub Enterprise Server host: <c>https://HOST/api/v3/</c>.</summary>
    /// <param name="host">The host name, optionally with a port, e.g. <c>github.example.com</c>.</param>
    public static ActionsClientOptions ForEnterpriseServer(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (host.Contains("://", StringComparison.Ordinal) || host.IndexOfAny(new[] { '/', '?', '#', '@' }) >= 0)
        {
            throw new ArgumentException("Give the host name only, e.g. 'github.example.com'.", nameof(host));
        }

        return new ActionsClientOptions { BaseAddress = new Uri("https://" + host + "/api/v3/") };
    }

    /// <summary>
    /// The handler a generated client expects under its <see cref="HttpClient"/>: it does not follow redirects, so log
    /// endpoints return their signed URL and the download goes out without the token; it keeps at most
    /// <paramref name="maxConnections"/> connections to a host, so a burst of calls queues instead of exhausting
    /// sockets; and it renews connections every 5 minutes (DNS changes). Use it with <c>IHttpClientFactory</c> as the
    /// primary handler.
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler(int maxConnections = 32) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = maxConnections,
    };

    /// <summary>The token to send for one request.</summary>
    internal ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        TokenProvider is { } provider ? provider(cancellationToken) : new ValueTask<string?>(_token);

    internal static string HeaderValue(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("A header value cannot contain CR, LF or NUL characters.", name);
        }

        return value;
    }

    private static Uri ValidateBaseAddress(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The base address must be an absolute http(s) URI.", nameof(value));
        }

        if (value.Scheme == Uri.UriSchemeHttp && !value.IsLoopback)
        {
            throw new ArgumentException("The base address must use HTTPS (plain HTTP is allowed only for loopback addresses): the token would travel in clear text.", nameof(value));
        }

        if (!string.IsNullOrEmpty(value.Query) || !string.IsNullOrEmpty(value.Fragment) || !string.IsNullOrEmpty(value.UserInfo))
        {
            throw new ArgumentException("The base address cannot carry a query, fragment or user info.", nameof(value));
        }

        // Relative request paths resolve under the base path only if it ends with '/'.
        return value.AbsolutePath.EndsWith('/') ? value : new Uri(value.GetLeftPart(UriPartial.Path) + "/");
    }
}
