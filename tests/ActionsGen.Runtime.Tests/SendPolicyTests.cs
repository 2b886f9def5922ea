using System.Net;
using System.Net.Http.Headers;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Http.Pipeline;

namespace ActionsGen.Runtime.Tests;

/// <summary>Each policy of the send path alone, over a transport that answers from a script (as Azure.Core tests its policies).</summary>
public class SendPolicyTests
{
    private static readonly Uri Uri = new("https://api.github.com/repos/o/r/actions/runs/1");

    /// <summary>The end of a chain: answers each send with the next scripted response and remembers what was sent.</summary>
    private sealed class ScriptedTransport(params Func<SendMessage, HttpResponseMessage>[] script) : SendPolicy
    {
        public List<(string? ETag, int Sends)> Sent { get; } = [];

        public override ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
        {
            Sent.Add((message.Validators.ETag, message.Sends));
            var reply = script[Math.Min(Sent.Count - 1, script.Length - 1)](message);
            message.Sends++;
            reply.RequestMessage ??= new HttpRequestMessage(message.Request.Method, message.Uri);
            return ValueTask.FromResult(reply);
        }
    }

    private static SendMessage Get(HttpMethod? method = null) => new(new ApiRequest(method ?? HttpMethod.Get, "actions/get-workflow-run"), Uri, null, default);

    private static ValueTask<HttpResponseMessage> Run(SendMessage message, params SendPolicy[] chain) => new SendNext(chain, 0).SendAsync(message);

    private static HttpResponseMessage Status(int status, string body = "{}") => new((HttpStatusCode)status) { Content = new StringContent(body) };

    private static HttpResponseMessage Limited(int status, TimeSpan untilReset)
    {
        var response = Status(status, """{"message":"API rate limit exceeded"}""");
        response.Headers.Add("x-ratelimit-limit", "5000");
        response.Headers.Add("x-ratelimit-remaining", "0");
        response.Headers.Add("x-ratelimit-reset", DateTimeOffset.UtcNow.Add(untilReset).ToUnixTimeSeconds().ToString());
        return response;
    }

    [Fact]
    public async Task Error_policy_turns_a_failure_into_its_typed_exception_and_passes_a_success()
    {
        var ok = await Run(Get(), new ErrorPolicy(), new ScriptedTransport(_ => Status(200)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await Assert.ThrowsAsync<NotFoundException>(() => Run(Get(), new ErrorPolicy(), new ScriptedTransport(_ => Status(404, """{"message":"Not Found"}"""))).AsTask());
        await Assert.ThrowsAsync<InvalidResponseException>(() => Run(Get(), new ErrorPolicy(), new ScriptedTransport(_ => Status(302))).AsTask());
    }

    [Fact]
    public async Task Retry_policy_sends_an_idempotent_call_again_after_a_5xx_but_not_a_post()
    {
        var retry = new RetryPolicy(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
        var get = new ScriptedTransport(_ => Status(503), _ => Status(502), _ => Status(200));
        Assert.Equal(HttpStatusCode.OK, (await Run(Get(), retry, get)).StatusCode);
        Assert.Equal(3, get.Sent.Count);

        var post = new ScriptedTransport(_ => Status(503), _ => Status(200));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Run(Get(HttpMethod.Post), retry, post)).StatusCode);
        Assert.Single(post.Sent);
    }

    [Fact]
    public async Task Rate_limit_policy_closes_the_window_and_sends_once_more_within_the_allowed_wait()
    {
        var governor = new RateGovernor();
        var options = new ActionsClientOptions { MaxRateLimitWait = TimeSpan.FromSeconds(5) };
        var transport = new ScriptedTransport(_ => Limited(403, TimeSpan.Zero), _ => Limited(403, TimeSpan.Zero));

        var response = await Run(Get(), new RateLimitPolicy(governor, options), transport);

        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Rate_limit_policy_closes_the_window_on_a_success_that_used_the_limit_up()
    {
        var governor = new RateGovernor();

        await Run(Get(), new RateLimitPolicy(governor, new ActionsClientOptions()), new ScriptedTransport(_ => Limited(200, TimeSpan.FromMinutes(10))));

        Assert.InRange(governor.ClosedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
    }

    [Fact]
    public async Task Rate_window_policy_does_not_send_while_the_window_is_closed_beyond_the_allowed_wait()
    {
        var governor = new RateGovernor();
        await governor.CloseAsync(TimeSpan.FromMinutes(1), null, secondary: true, store: null);
        var transport = new ScriptedTransport(_ => Status(200));

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => Run(Get(), new RateWindowPolicy(governor, new ActionsClientOptions()), transport).AsTask());

        Assert.Empty(transport.Sent);
        Assert.False(error.WasSent);
        Assert.Contains("secondary rate limit", error.Message);
    }

    [Fact]
    public async Task Rate_window_policy_waits_for_a_short_window_then_sends()
    {
        var governor = new RateGovernor();
        await governor.CloseAsync(TimeSpan.FromMilliseconds(300), null, secondary: true, store: null);
        var transport = new ScriptedTransport(_ => Status(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Run(Get(), new RateWindowPolicy(governor, new ActionsClientOptions { MaxRateLimitWait = TimeSpan.FromSeconds(5) }), transport);

        Assert.Single(transport.Sent);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"sent after {watch.Elapsed}");
    }

    [Fact]
    public async Task Conditional_request_policy_sends_the_stored_etag_and_answers_a_304_from_the_stored_body()
    {
        var policy = new ConditionalRequestPolicy(new ConditionalRequestCache(16, null, 0, TimeSpan.Zero));
        var first = Status(200, """{"id":1}""");
        first.Headers.ETag = new EntityTagHeaderValue("\"v1\"");
        var transport = new ScriptedTransport(_ => first, _ => Status(304, string.Empty));

        var fresh = await Run(Get(), policy, transport);
        await policy.StoreAsync(fresh, """{"id":1}"""u8);
        var replay = await Run(Get(), policy, transport);

        Assert.Equal([(null, 0), ("\"v1\"", 0)], transport.Sent);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("""{"id":1}""", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Write_gate_policy_holds_a_second_write_until_the_first_is_answered()
    {
        var gate = new WriteGate();
        var release = new TaskCompletionSource();
        var order = new List<string>();
        var slow = new DelayedTransport(release.Task, order);

        var firstWrite = Run(Get(HttpMethod.Post), new WriteGatePolicy(gate, enabled: true), slow).AsTask();
        var secondWrite = Run(Get(HttpMethod.Post), new WriteGatePolicy(gate, enabled: true), slow).AsTask();
        var read = await Run(Get(), new WriteGatePolicy(gate, enabled: true), new ScriptedTransport(_ => Status(200)));
        await Task.Delay(100);

        Assert.Equal(["POST"], order);
        release.SetResult();
        await Task.WhenAll(firstWrite, secondWrite);
        Assert.Equal(["POST", "POST"], order);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private sealed class DelayedTransport(Task release, List<string> order) : SendPolicy
    {
        public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
        {
            lock (order)
            {
                order.Add(message.Request.Method.Method);
            }

            await release;
            return Status(204);
        }
    }
}
