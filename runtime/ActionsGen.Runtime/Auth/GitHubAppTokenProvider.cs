using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Sharing;

namespace ActionsGen.Runtime.Auth;

/// <summary>
/// Installation tokens of a GitHub App (<see cref="ActionsClientOptions.ForGitHubApp"/>): signs an RS256 JWT, exchanges
/// it at <c>POST {base}app/installations/{id}/access_tokens</c> through the HttpClient of the connection that needs a
/// token, caches the token (in the options' <see cref="ActionsClientState"/>, and encrypted in the shared store when
/// there is one) until <see cref="RefreshMargin"/> before its <c>expires_at</c>, and refreshes it once however many calls wait. The private key stays in an <see cref="RSA"/> object: never in text.
/// </summary>
internal sealed class GitHubAppTokenProvider : IDisposable
{
    /// <summary>How long before <c>expires_at</c> a token is replaced (at most half its lifetime).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    internal const string ExchangeOperationId = "apps/create-installation-access-token";

    private readonly RSA _key;
    private readonly SharedInstallationToken _shared;

    public GitHubAppTokenProvider(long appId, string privateKeyPem, long installationId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(appId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(installationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        AppId = appId;
        InstallationId = installationId;
        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(privateKeyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            _key.Dispose();
            // Not chained: the inner exception is not ours to vouch for, and the message must not quote the key.
            throw new ArgumentException("The private key is not an RSA key in PEM form (\"BEGIN RSA PRIVATE KEY\" or \"BEGIN PRIVATE KEY\").", nameof(privateKeyPem));
        }

        _shared = new SharedInstallationToken(_key, installationId);
    }

    public long AppId { get; }

    public long InstallationId { get; }

    /// <summary>
    /// The installation token: the state's while fresh, else (with a shared store) the one another replica got, else one
    /// exchange shared by every waiting caller and, through the store, by every replica.
    /// </summary>
    public async ValueTask<string> GetTokenAsync(HttpClient httpClient, ActionsClientOptions options, CancellationToken cancellationToken)
    {
        var slot = options.State.Tokens(ToString() + " at " + options.BaseAddress.AbsoluteUri);
        if (slot.Fresh is { } token)
        {
            return token;
        }

        await slot.Refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Fresh is { } refreshed)
            {
                return refreshed;
            }

            var store = options.SharedStore;
            if (store is not null && await _shared.GetAsync(store, cancellationToken).ConfigureAwait(false) is { } shared)
            {
                slot.Set(shared.Token, shared.RefreshAt);
                return shared.Token;
            }

            var (value, expiresAt) = await ExchangeAsync(httpClient, options, cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var margin = expiresAt - now < RefreshMargin + RefreshMargin ? (expiresAt - now) / 2 : RefreshMargin;
            slot.Set(value, expiresAt - margin);
            if (store is not null)
            {
                await _shared.SetAsync(store, value, expiresAt - margin).ConfigureAwait(false);
            }

            return value;
        }
        finally
        {
            slot.Refresh.Release();
        }
    }

    public override string ToString() =>
        "GitHub App " + AppId.ToString(CultureInfo.InvariantCulture) + ", installation " + InstallationId.ToString(CultureInfo.InvariantCulture) + " (key and tokens redacted)";

    public void Dispose()
    {
        _key.Dispose();
        _shared.Dispose();
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> ExchangeAsync(HttpClient httpClient, ActionsClientOptions options, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.BaseAddress, "app/installations/" + InstallationId.ToString(CultureInfo.InvariantCulture) + "/access_tokens");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", options.ApiVersion);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppJwt.Create(_key, AppId, DateTimeOffset.UtcNow));
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiExceptionFactory.CreateAsync(response, ExchangeOperationId, cancellationToken).ConfigureAwait(false);
        }

        using var body = await ResponseBuffer.ReadAsync(response.Content, 64 * 1024, cancellationToken).ConfigureAwait(false)
            ?? throw ApiExceptionFactory.InvalidResponse(response, ExchangeOperationId, "the body is larger than 64 KiB");
        try
        {
            return Read(body.Span);
        }
        catch (JsonException error)
        {
            throw ApiExceptionFactory.InvalidResponse(response, ExchangeOperationId, error);
        }
    }

    // {"token":"ghs_…","expires_at":"2026-11-26T12:00:00Z", …}
    private static (string Token, DateTimeOffset ExpiresAt) Read(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("token"u8, out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } value
            || !root.TryGetProperty("expires_at"u8, out var expires) || expires.ValueKind != JsonValueKind.String || !expires.TryGetDateTimeOffset(out var expiresAt))
        {
            throw new JsonException("The installation token response lacks a string 'token' or a date-time 'expires_at'.");
        }

        return (ActionsClientOptions.HeaderValue(value, "token"), expiresAt);
    }
}
