using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>GitHub App authentication against a fake token endpoint: the JWT is checked, the token is shared and refreshed once.</summary>
public class GitHubAppTests
{
    private const long AppId = 123456;
    private const long InstallationId = 42;
    private const string InstallationToken = "ghs_installation_token_0123456789";

    private static readonly RSA Key = RSA.Create(2048);

    /// <summary>A GHES-like server under /api/v3/: the token endpoint (slow, so callers pile up) and a job endpoint that wants the installation token.</summary>
    private sealed class FakeGitHub
    {
        public ConcurrentQueue<string> Jwts { get; } = new();

        public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

        public Reply Handle(RecordedRequest request)
        {
            if (request.Path == $"/api/v3/app/installations/{InstallationId}/access_tokens")
            {
                Assert.Equal("POST", request.Method);
                Jwts.Enqueue(request.Header("Authorization")!["Bearer ".Length..]);
                var expires = DateTimeOffset.UtcNow.Add(TokenLifetime).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
                return Reply.Json("{\"token\":\"" + InstallationToken + "\",\"expires_at\":\"" + expires + "\",\"permissions\":{\"actions\":\"write\"}}", 201) with { Delay = TimeSpan.FromMilliseconds(300) };
            }

            return request.Header("Authorization") == "Bearer " + InstallationToken
                ? Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200"))
                : Reply.Json("""{"message":"Bad credentials"}""", 401);
        }
    }

    public static TheoryData<string> Pems => new() { Key.ExportRSAPrivateKeyPem(), Key.ExportPkcs8PrivateKeyPem() };

    [Theory]
    [MemberData(nameof(Pems))]
    public async Task Eight_concurrent_calls_cause_one_exchange_with_a_valid_jwt_on_the_GHES_path(string pem)
    {
        var github = new FakeGitHub();
        await using var server = await LoopbackServer.StartAsync(github.Handle);
        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var client = new ActionsClient(http, ActionsClientOptions.ForGitHubApp(AppId, pem, InstallationId, new Uri(server.BaseAddress, "api/v3/")));
        var before = DateTimeOffset.UtcNow;

        var jobs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 399444496)));

        Assert.All(jobs, j => Assert.Equal(399444496, j.Id));
        var jwt = Assert.Single(github.Jwts);
        AssertValidJwt(jwt, before);
        Assert.Equal(9, server.Requests.Count);
        Assert.All(server.Requests.Where(r => r.Method == "GET"), r => Assert.Equal("/api/v3/repos/o/r/actions/jobs/399444496", r.Path));
    }

    [Fact]
    public async Task A_token_is_refreshed_once_it_nears_expiry()
    {
        var github = new FakeGitHub { TokenLifetime = TimeSpan.FromSeconds(4) };
        await using var server = await LoopbackServer.StartAsync(github.Handle);
        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var client = new ActionsClient(http, ActionsClientOptions.ForGitHubApp(AppId, Key.ExportRSAPrivateKeyPem(), InstallationId, new Uri(server.BaseAddress, "api/v3/")));

        await client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1);
        await client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1);
        Assert.Single(github.Jwts);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1);

        Assert.Equal(2, github.Jwts.Count);
    }

    [Fact]
    public async Task The_key_and_tokens_never_appear_in_text_or_exceptions()
    {
        var pem = Key.ExportRSAPrivateKeyPem();
        var keyLine = pem.Split('\n')[1];
        await using var server = await LoopbackServer.StartAsync(_ => Reply.Json("""{"message":"A JSON web token could not be decoded"}""", 401));
        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var options = ActionsClientOptions.ForGitHubApp(AppId, pem, InstallationId, server.BaseAddress);
        var client = new ActionsClient(http, options);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));
        var refused = Assert.Throws<ArgumentException>(() => ActionsClientOptions.ForGitHubApp(AppId, pem.Replace(keyLine, keyLine[..20] + "!!" + keyLine[22..]), InstallationId));

        var jwt = server.Single().Header("Authorization")!["Bearer ".Length..];
        Assert.Equal("apps/create-installation-access-token", error.OperationId);
        Assert.Contains("GitHub App 123456, installation 42", options.ToString());
        foreach (var text in new[] { options.ToString(), client.Connection.ToString(), error.ToString(), refused.ToString() })
        {
            Assert.DoesNotContain(keyLine[..40], text, StringComparison.Ordinal);
            Assert.DoesNotContain(jwt, text, StringComparison.Ordinal);
        }
    }

    private static void AssertValidJwt(string jwt, DateTimeOffset before)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.True(Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "signature");
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        var iat = DateTimeOffset.FromUnixTimeSeconds(payload.RootElement.GetProperty("iat").GetInt64());
        var exp = DateTimeOffset.FromUnixTimeSeconds(payload.RootElement.GetProperty("exp").GetInt64());
        Assert.Equal(AppId.ToString(), payload.RootElement.GetProperty("iss").GetString());
        Assert.InRange(iat, before.AddSeconds(-62), before.AddSeconds(-58));
        Assert.InRange(exp - iat, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
