using System;
using ActionsGen.Runtime.Sharing;
using Microsoft.Extensions.Caching.Distributed;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Auth;
using ActionsGen.Runtime.Http;

namespace ActionsGen.Runtime;

/// <summary>Where a generated client sends its requests and how it identifies itself.</summary>
/// <remarks>
/// The token and a GitHub App's private key never appear in <see cref="ToString"/>, exception messages or telemetry.
/// Every client built from one options object shares its rate-limit window and its write gate
/// (<see cref="SerializeWrites"/>): with <c>IHttpClientFactory</c>, every instance of the typed client.
/// </remarks>
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
    private GitHubAppTokenProvider? _app;
    private ActionsClientState? _state;
    private SharedStore? _sharedStore;
    private IDistributedCache? _sharedStoreCache;

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

    /// <summary>
    /// Called before each request for the current token (installation tokens expire hourly); null sends no
    /// <c>Authorization</c>. Takes precedence over <see cref="Token"/> and over <see cref="ForGitHubApp"/>'s credentials.
    /// </summary>
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
    public RetryOptions Retry { get; set; } = new();

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

    /// <summary>
    /// Send POST, PATCH, PUT and DELETE one at a time (reads are not held), as GitHub's best practices ask to keep
    /// clear of secondary rate limits. Shared by every client built from these options. Default false.
    /// </summary>
    public bool SerializeWrites { get; set; }

    /// <summary>
    /// Refuse a response body that departs from the spec: the call throws <see cref="Errors.InvalidResponseException"/>
    /// naming the operation, the JSON path and what was wrong. Default false: GitHub's responses drift from their
    /// description (members the spec requires that are absent or null, GHES versions behind api.github.com), so a
    /// drifted member is left at its default (a list item that is null is left out), the rest is read, and each
    /// deviation is reported (the <c>actionsgen.response.deviation</c> activity event, the
    /// <c>actionsgen.response.deviations</c> counter and <see cref="OnResponseDeviations"/>). Turn it on in tests and CI
    /// that should catch drift early. Corrupt bodies (not JSON, truncated, invalid UTF-8, nested too deep, too large)
    /// are refused either way.
    /// </summary>
    public bool StrictResponses { get; set; }

    /// <summary>
    /// Called with what drifted in a response body that was read past (never when nothing did, never with
    /// <see cref="StrictResponses"/>): the operation, the first deviations with their JSON paths, and the count of all.
    /// Runs on the calling thread before the call returns: keep it short, and do not throw.
    /// </summary>
    public Action<Serialization.JsonDeviationReport>? OnResponseDeviations { get; set; }

    /// <summary>
    /// What every client built from these options shares: the rate-limit window, the write gate, the conditional-request
    /// cache and App installation tokens. Made on first use; set it to give other options (e.g. reloaded from
    /// configuration) the same state, so that a reload does not reset a rate-limit window.
    /// </summary>
    public ActionsClientState State
    {
        get => LazyInitializer.EnsureInitialized(ref _state)!;
        set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    internal RateGovernor RateGovernor => State.RateGovernor;

    /// <summary>
    /// A store the replicas of a service share (Redis, Garnet, SQL Server … through <see cref="IDistributedCache"/>), so
    /// that they spend one GitHub budget: the conditional-request cache (a replica's first call of a URL another fetched
    /// is a 304), GitHub App installation tokens (one exchange serves every replica; encrypted with a key derived from
    /// the App's private key, which the store never sees) and the rate-limit window (once one replica is limited, none
    /// sends until the reset). Keys are prefixed per API root and identity. A store that fails or is slow
    /// (<see cref="SharedCacheTimeout"/>) never fails a call: it goes on as if there were none, and the failure is
    /// counted (<c>actionsgen.shared_cache.failures</c>). The generated <c>services.Add{Client}</c> picks up a
    /// registered <see cref="IDistributedCache"/> when this is not set.
    /// </summary>
    public IDistributedCache? SharedCache { get; set; }

    /// <summary>The largest response body kept in <see cref="SharedCache"/>. Default 1 MiB.</summary>
    public int SharedCacheMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a response body stays in <see cref="SharedCache"/>. Default 1 hour.</summary>
    public TimeSpan SharedCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a call waits for <see cref="SharedCache"/> before going on without it. Default 500 ms.</summary>
    public TimeSpan SharedCacheTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The shared store under this API root's and identity's prefix; null without <see cref="SharedCache"/>.</summary>
    internal SharedStore? SharedStore =>
        SharedCache is not { } cache ? null
        : _sharedStore is { } store && ReferenceEquals(_sharedStoreCache, cache) ? store
        : CreateSharedStore(cache);

    /// <summary>
    /// Options for a GitHub App acting as one of its installations: each request carries an installation token,
    /// exchanged for an RS256 JWT (<c>iss</c> = <paramref name="appId"/>, <c>iat</c> backdated 60 s, <c>exp</c> 10
    /// minutes later) at <c>POST {base}app/installations/{installationId}/access_tokens</c>, cached until 5 minutes
    /// before it expires and refreshed once however many calls wait.
    /// </summary>
    /// <param name="appId">The app's id (its settings page).</param>
    /// <param name="privateKeyPem">A private key of the app, PEM: PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>, as GitHub downloads it) or PKCS#8 (<c>BEGIN PRIVATE KEY</c>).</param>
    /// <param name="installationId">The installation to act as.</param>
    /// <param name="baseAddress">The API root (default GitHub.com); for GHES <c>https://HOST/api/v3/</c>: the exchange keeps its path.</param>
    /// <remarks>The exchange goes through the <see cref="HttpClient"/> of the client that needs the token, so it takes that client's handlers and timeout.</remarks>
    /// <exception cref="ArgumentException">The key is not an RSA PEM key (the message never quotes it).</exception>
    public static ActionsClientOptions ForGitHubApp(long appId, string privateKeyPem, long installationId, Uri? baseAddress = null) =>
        new ActionsClientOptions { BaseAddress = baseAddress ?? GitHubApiAddress }.UseGitHubApp(appId, privateKeyPem, installationId);

    /// <summary>Authenticates as a GitHub App installation, as <see cref="ForGitHubApp"/> does, on these options (e.g. inside a DI <c>configure</c> callback).</summary>
    /// <returns>These options.</returns>
    public ActionsClientOptions UseGitHubApp(long appId, string privateKeyPem, long installationId)
    {
        var previous = _app;
        _app = new GitHubAppTokenProvider(appId, privateKeyPem, installationId);
        previous?.Dispose();
        return this;
    }

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

    /// <summary>The base address and how requests authenticate; the token and key are never part of it.</summary>
    public override string ToString() =>
        "ActionsClientOptions { BaseAddress = " + BaseAddress + ", Authentication = " + Authentication + ", UserAgent = " + UserAgent + " }";

    private string Authentication => TokenProvider is not null ? "token provider"
        : _app is not null ? _app.ToString()
        : _token is not null ? "token (redacted)"
        : "none";

    /// <summary>The token to send for one request; a GitHub App's exchange goes through <paramref name="httpClient"/>.</summary>
    internal async ValueTask<string?> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken) =>
        TokenProvider is { } provider ? await provider(cancellationToken).ConfigureAwait(false)
        : _app is { } app ? await app.GetTokenAsync(httpClient, this, cancellationToken).ConfigureAwait(false)
        : _token;

    internal static string HeaderValue(string value, string name) => HeaderRules.Value(value, name);

    private SharedStore CreateSharedStore(IDistributedCache cache)
    {
        var identity = TokenProvider is not null ? "token-provider"
            : _app is not null ? "app:" + _app.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":installation:" + _app.InstallationId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : _token is not null ? "token:" + SharedKeys.Hash(_token)
            : "anonymous";
        var store = new SharedStore(cache, SharedKeys.Prefix(BaseAddress, identity), SharedCacheTimeout);
        _sharedStoreCache = cache;
        _sharedStore = store;
        return store;
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
