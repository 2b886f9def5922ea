using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ActionsGen.Package.Tests.Infrastructure;

namespace ActionsGen.Package.Tests;

/// <summary>
/// Issue 19's "done when", from the package: a <c>dotnet new web</c> app that adds ActionsGen and writes the two lines
/// (<c>AddActionsWebhookHandler&lt;THandler&gt;()</c>, <c>MapActionsWebhooks(pattern, secret)</c>) receives, as its own
/// process over real HTTP, what GitHub delivers and refuses what it must. The deliveries are built here as GitHub
/// sends them (its headers, <c>X-Hub-Signature-256</c> computed independently of the runtime) with the payload
/// examples of spec/actions.yaml, which GitHub's documentation took from real deliveries; deliveries from GitHub
/// itself are impossible here (no network).
/// </summary>
[Collection(PackageCollection.Name)]
public class WebhookConsumerTests(PackageFixture package, WebhookConsumerApp consumer, Xunit.Abstractions.ITestOutputHelper output)
    : IClassFixture<WebhookConsumerApp>
{
    [Fact]
    public async Task The_web_app_builds_without_warnings_and_every_payload_example_signed_with_the_secret_reaches_its_own_method()
    {
        var app = await consumer.StartAsync(package.Feed);
        Assert.DoesNotContain("warning", consumer.BuildOutput.Split('\n').Where(l => !l.Contains("0 Warning(s)", StringComparison.Ordinal)), StringComparer.Ordinal);
        Assert.Equal(9, WebhookExamples.All.Count);

        foreach (var example in WebhookExamples.All)
        {
            var id = "example-" + example.Name;
            using var response = await app.Http.SendAsync(Delivery(example.Event, example.Json, id));

            Assert.True(response.IsSuccessStatusCode, $"{example.Name}: {(int)response.StatusCode}\n{app.Output}");
            var sender = JsonNode.Parse(example.Json)!["sender"]!["login"]!.GetValue<string>();
            Assert.Equal(new[] { new Call(MethodOf(example), id, sender) }, Calls(await SeenAsync(app), id));
        }
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong")]
    [InlineData("another secret")]
    [InlineData("sha1 only")]
    public async Task A_delivery_without_a_valid_signature_is_401_and_never_reaches_the_handler(string signature)
    {
        var app = await consumer.StartAsync(package.Feed);
        var example = WebhookExamples.Get("workflow-job-queued");
        var id = "unsigned-" + signature.Replace(' ', '-');
        var body = Encoding.UTF8.GetBytes(example.Json);
        using var request = Delivery(example.Event, body, id, secret: signature == "another secret" ? "Not the Secret" : null);
        switch (signature)
        {
            case "wrong":
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
                break;
            case "sha1 only":
                request.Headers.Add("X-Hub-Signature", "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(WebhookConsumerApp.Secret), body)));
                break;
        }

        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Calls(await SeenAsync(app), id));
    }

    [Fact]
    public async Task The_same_delivery_id_twice_is_acknowledged_twice_and_dispatched_once()
    {
        var app = await consumer.StartAsync(package.Feed);
        var example = WebhookExamples.Get("workflow-run-completed");

        using var first = await app.Http.SendAsync(Delivery(example.Event, example.Json, "redelivered"));
        using var again = await app.Http.SendAsync(Delivery(example.Event, example.Json, "redelivered"));

        Assert.True(first.IsSuccessStatusCode && again.IsSuccessStatusCode, $"{first.StatusCode}, {again.StatusCode}");
        Assert.Equal("OnWorkflowRunCompletedAsync", Assert.Single(Calls(await SeenAsync(app), "redelivered")).Method);
    }

    [Theory]
    [InlineData("issues", "opened")]
    [InlineData("workflow_job", "finished")]
    public async Task An_unknown_event_or_an_unknown_action_of_a_known_one_is_acknowledged_and_goes_to_OnUnknownAsync(string @event, string action)
    {
        var app = await consumer.StartAsync(package.Feed);
        var id = $"unknown-{@event}-{action}";

        using var response = await app.Http.SendAsync(Delivery(@event, "{\"action\":\"" + action + "\",\"sender\":{\"login\":\"octocat\"}}", id));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal(new[] { new Call("OnUnknownAsync", id, "-") }, Calls(await SeenAsync(app), id));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_malformed_JSON_with_a_valid_signature_is_400()
    {
        var app = await consumer.StartAsync(package.Feed);

        // GitHub's 25 MB cap, the default: one byte over, declared, and signed as GitHub would sign it.
        var huge = Encoding.UTF8.GetBytes("{\"zen\":\"" + new string('x', (25 * 1024 * 1024) + 1 - 10) + "\"}");
        Assert.Equal((25 * 1024 * 1024) + 1, huge.Length);
        var watch = Stopwatch.StartNew();
        using var tooLarge = await app.Http.SendAsync(Delivery("ping", huge, "too-large"));
        output.WriteLine($"25 MB + 1 byte refused in {watch.ElapsedMilliseconds} ms");

        // The options overload's smaller limit, with a body whose length is not declared (chunked).
        var padded = Encoding.UTF8.GetBytes("{\"zen\":\"" + new string('x', (int)WebhookConsumerApp.SmallLimit) + "\"}");
        using var streamed = Delivery("ping", padded, "too-large-chunked", route: WebhookConsumerApp.SmallRoute);
        streamed.Content = new StreamContent(new MemoryStream(padded)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        streamed.Headers.TransferEncodingChunked = true;
        using var tooLargeChunked = await app.Http.SendAsync(streamed);
        using var fits = await app.Http.SendAsync(Delivery("ping", WebhookExamples.Get("ping").Json, "fits-the-small-limit", route: WebhookConsumerApp.SmallRoute));

        using var malformed = await app.Http.SendAsync(Delivery("workflow_job", "{\"action\": \"completed\", ", "malformed"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeChunked.StatusCode);
        Assert.True(fits.IsSuccessStatusCode, fits.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var seen = await SeenAsync(app);
        Assert.Empty(Calls(seen, "too-large"));
        Assert.Empty(Calls(seen, "too-large-chunked"));
        Assert.Empty(Calls(seen, "malformed"));
        Assert.Equal("OnPingAsync", Assert.Single(Calls(seen, "fits-the-small-limit")).Method);
    }

    [Fact]
    public async Task A_handler_that_throws_gives_a_500_without_detail_and_the_next_delivery_succeeds()
    {
        var app = await consumer.StartAsync(package.Feed);
        var example = WebhookExamples.Get("workflow-job-completed");

        using var failed = await app.Http.SendAsync(Delivery(example.Event, example.Json, WebhookConsumerApp.FailingDelivery));
        var body = await failed.Content.ReadAsStringAsync();
        using var next = await app.Http.SendAsync(Delivery(example.Event, example.Json, "after-the-failure"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(string.Empty, body);
        Assert.True(next.IsSuccessStatusCode, next.StatusCode.ToString());
        var seen = await SeenAsync(app);
        Assert.Equal("OnWorkflowJobCompletedAsync", Calls(seen, WebhookConsumerApp.FailingDelivery).First().Method);
        Assert.Equal("OnWorkflowJobCompletedAsync", Assert.Single(Calls(seen, "after-the-failure")).Method);
        // The detail goes to the app's log, with the delivery it belongs to.
        Assert.Contains(WebhookConsumerApp.FailingDelivery, app.Output);
        Assert.Contains(WebhookConsumerApp.FailureMessage, app.Output);
    }

    [Fact]
    public async Task Two_thousand_deliveries_32_at_a_time_are_each_dispatched_exactly_once_in_under_400_MB()
    {
        var app = await consumer.StartAsync(package.Feed);
        var examples = WebhookExamples.All.Select(e => (Example: e, Body: Encoding.UTF8.GetBytes(e.Json))).ToArray();
        var deliveries = Enumerable.Range(0, 2000).Select(i => (Id: "load-" + i, examples[i % examples.Length].Example, examples[i % examples.Length].Body)).ToArray();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (d, _) =>
        {
            using var response = await app.Http.SendAsync(Delivery(d.Example.Event, d.Body, d.Id));
            statuses.Add(response.StatusCode);
        });
        watch.Stop();

        Assert.Equal(2000, statuses.Count);
        Assert.All(statuses, s => Assert.True((int)s is >= 200 and < 300, s.ToString()));
        var seen = (await SeenAsync(app)).Where(c => c.DeliveryId.StartsWith("load-", StringComparison.Ordinal)).ToLookup(c => c.DeliveryId);
        Assert.Equal(2000, seen.Count);
        Assert.All(deliveries, d => Assert.Equal(MethodOf(d.Example), Assert.Single(seen[d.Id]).Method));

        var peak = app.PeakResidentBytes();
        output.WriteLine($"2,000 deliveries in {watch.Elapsed.TotalSeconds:F2} s; the app's peak resident memory (VmHWM): {(peak is { } p ? $"{p / (1024.0 * 1024):F1} MB" : "not measured")}");
        if (peak is null)
        {
            output.WriteLine("Peak resident memory is read from /proc/{pid}/status (Linux only): the 400 MB bound is not checked on this OS.");
            return;
        }

        Assert.InRange(peak.Value, 1, 400L * 1024 * 1024);
    }

    private static HttpRequestMessage Delivery(string @event, string body, string id, string? secret = WebhookConsumerApp.Secret, string route = WebhookConsumerApp.Route) =>
        Delivery(@event, Encoding.UTF8.GetBytes(body), id, secret, route);

    /// <summary>A delivery as GitHub sends it: its headers, and the body signed with <paramref name="secret"/> (null: unsigned).</summary>
    private static HttpRequestMessage Delivery(string @event, byte[] body, string id, string? secret = WebhookConsumerApp.Secret, string route = WebhookConsumerApp.Route)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", @event);
        request.Headers.Add("X-GitHub-Delivery", id);
        request.Headers.Add("X-GitHub-Hook-ID", "12312312");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-Type", "repository");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-ID", "123123");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/044aadd");
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", Sign(body, secret));
        }

        return request;
    }

    // As GitHub's documentation computes it: HMAC-SHA256 of the raw body keyed with the secret, "sha256=" and lowercase hex.
    private static string Sign(byte[] body, string secret) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static async Task<IReadOnlyList<Call>> SeenAsync(AppProcess app)
    {
        var text = await app.Http.GetStringAsync("seen");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).Select(p => new Call(p[0], p[1], p[2])).ToArray();
    }

    private static Call[] Calls(IEnumerable<Call> seen, string id) => seen.Where(c => c.DeliveryId == id).ToArray();

    // workflow-job/in-progress → OnWorkflowJobInProgressAsync
    private static string MethodOf(WebhookExample example) =>
        "On" + string.Concat(example.OperationId.Split('-', '/', '_').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Async";

    private sealed record Call(string Method, string DeliveryId, string Sender);
}
