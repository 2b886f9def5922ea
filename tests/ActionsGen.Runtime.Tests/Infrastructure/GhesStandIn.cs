using System.Text.Json.Nodes;

namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>
/// A GitHub Enterprise Server stand-in on loopback for one App installation: it exchanges installation tokens, answers
/// <c>GET …/actions/runs/{id}</c> with the spec's example, an <c>ETag</c> and GitHub's rate-limit headers, answers a
/// matching <c>If-None-Match</c> with a 304 (not counted, as GitHub does), and refuses with 403 once the budget is used up.
/// </summary>
public sealed class GhesStandIn
{
    private readonly object _gate = new();
    private readonly HashSet<string> _tokens = [];
    private readonly long _reset = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
    private int _remaining;

    public GhesStandIn(int budget) => _remaining = budget;

    public int Exchanges { get; private set; }

    public int FullResponses { get; private set; }

    public int NotModified { get; private set; }

    /// <summary>Requests that arrived once the budget was used up (each refused with 403).</summary>
    public int AfterBudget { get; private set; }

    public int Unauthorized { get; private set; }

    /// <summary>The installation tokens handed out (to check the shared store never holds one in clear).</summary>
    public IReadOnlyCollection<string> Tokens
    {
        get
        {
            lock (_gate)
            {
                return _tokens.ToArray();
            }
        }
    }

    public Reply Handle(RecordedRequest request)
    {
        lock (_gate)
        {
            if (request.Method == "POST" && request.Path.EndsWith("/access_tokens", StringComparison.Ordinal))
            {
                Exchanges++;
                var token = "ghs_" + Guid.NewGuid().ToString("N");
                _tokens.Add(token);
                return Reply.Json(new JsonObject { ["token"] = token, ["expires_at"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O") }.ToJsonString(), 201);
            }

            if (request.Header("Authorization") is not { } authorization || !_tokens.Contains(authorization["Bearer ".Length..]))
            {
                Unauthorized++;
                return Reply.Json("""{"message":"Bad credentials"}""", 401);
            }

            var id = request.Path[(request.Path.LastIndexOf('/') + 1)..];
            var etag = "\"run-" + id + "\"";
            if (request.Header("If-None-Match") == etag)
            {
                NotModified++;
                return Limited(Reply.NoBody(304)).WithHeader("ETag", etag);
            }

            if (_remaining <= 0)
            {
                AfterBudget++;
                return Limited(Reply.Json("""{"message":"API rate limit exceeded for installation ID 42.","documentation_url":"https://docs.github.com/enterprise-server@3.17/rest/overview/rate-limits-for-the-rest-api"}""", 403));
            }

            _remaining--;
            FullResponses++;
            var run = JsonNode.Parse(SpecExamples.Get("actions/get-workflow-run 200"))!;
            run["id"] = long.Parse(id);
            return Limited(Reply.Json(run.ToJsonString())).WithHeader("ETag", etag);
        }
    }

    private Reply Limited(Reply reply) => reply
        .WithHeader("x-ratelimit-limit", "5000")
        .WithHeader("x-ratelimit-remaining", Math.Max(0, _remaining).ToString())
        .WithHeader("x-ratelimit-used", (5000 - Math.Max(0, _remaining)).ToString())
        .WithHeader("x-ratelimit-reset", _reset.ToString())
        .WithHeader("x-ratelimit-resource", "core");
}
