using System.Text;
using ActionsGen.Runtime.Webhooks;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>The webhook runtime without ASP.NET Core: signatures, reading a delivery, bounded reading and remembering, dispatch.</summary>
public class WebhookRuntimeTests
{
    [Fact]
    public void The_signature_matches_GitHubs_documented_example()
    {
        // docs.github.com, "Validating webhook deliveries": secret, payload and the X-Hub-Signature-256 it gives.
        var body = Encoding.UTF8.GetBytes("Hello, World!");
        const string Expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        Assert.Equal(Expected, WebhookSignature.Sign(body, "It's a Secret to Everybody"));
        Assert.True(WebhookSignature.Verify(body, Expected, "It's a Secret to Everybody"));
        Assert.True(WebhookSignature.Verify(body, Expected.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), "It's a Secret to Everybody"));
        Assert.True(WebhookSignature.Verify(body, Expected, new[] { "", "old secret", "It's a Secret to Everybody" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=01a0e3ba3df22bcae4ac0d7328a8f8bd49a1bd09")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e177")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=g57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void Anything_but_the_right_sha256_signature_is_refused(string? signature)
    {
        var body = Encoding.UTF8.GetBytes("Hello, World!");

        Assert.False(WebhookSignature.Verify(body, signature, "It's a Secret to Everybody"));
        Assert.False(WebhookSignature.Verify(body, WebhookSignature.Sign(body, "It's a Secret to Everybody"), Array.Empty<string>()));
        Assert.False(WebhookSignature.Verify(body, WebhookSignature.Sign(body, "It's a Secret to Everybody"), "another secret"));
    }

    [Fact]
    public void A_form_delivery_reads_its_payload_field_decoded()
    {
        var json = """{"action":"completed","text":"a+b c&d=é"}""";
        var form = "other=1&payload=" + Uri.EscapeDataString(json).Replace("%20", "+", StringComparison.Ordinal) + "&more=%zz";

        var delivery = WebhookDelivery.Read(Headers("workflow_job", "application/x-www-form-urlencoded; charset=utf-8"), Encoding.UTF8.GetBytes(form));

        Assert.Equal(json, Encoding.UTF8.GetString(delivery.Body.Span));
        Assert.Equal("completed", delivery.Action);
    }

    [Fact]
    public void The_action_is_the_top_level_one_and_headers_are_read_in_any_case()
    {
        var delivery = WebhookDelivery.Read(
            new Dictionary<string, string> { ["x-github-event"] = "workflow_run", ["X-GITHUB-DELIVERY"] = "d1", ["X-GitHub-Hook-ID"] = "7", ["X-GitHub-Hook-Installation-Target-ID"] = "not a number" },
            Encoding.UTF8.GetBytes("""{"workflow_run":{"action":"nested"},"action":"requested","x":[{"action":1}]}"""));

        Assert.Equal(("workflow_run", "requested", "d1", 7L, (long?)null), (delivery.Event, delivery.Action, delivery.DeliveryId, delivery.HookId, delivery.InstallationTargetId));
        Assert.Equal("d1", delivery.Headers["x-github-delivery"]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":")]
    [InlineData("{} x")]
    [InlineData("")]
    public void A_body_that_is_not_one_JSON_object_is_a_format_error(string body)
    {
        Assert.Throws<WebhookFormatException>(() => WebhookDelivery.Read(Headers("ping"), Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void A_delivery_without_an_event_is_a_format_error()
    {
        var error = Assert.Throws<WebhookFormatException>(() => WebhookDelivery.Read(new Dictionary<string, string>(), "{}"u8.ToArray()));
        Assert.Contains("X-GitHub-Event", error.Message);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading_a_byte()
    {
        var stream = new CountingStream(1_000_000);

        var body = await WebhookReceiver.ReadBodyAsync(stream, 1_000_000, 1000, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task An_undeclared_length_is_read_no_further_than_one_byte_past_the_limit()
    {
        var stream = new CountingStream(10_000_000);

        var body = await WebhookReceiver.ReadBodyAsync(stream, null, 100_000, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(100_001, stream.BytesRead);
        var fits = await WebhookReceiver.ReadBodyAsync(new CountingStream(100_000), null, 100_000, CancellationToken.None);
        Assert.Equal(100_000, fits!.Length);
    }

    [Fact]
    public async Task Delivery_ids_are_remembered_within_the_window_and_the_capacity_only()
    {
        var time = new ManualTime();
        var handler = new CountingHandler();
        var receiver = new WebhookReceiver(() => new WebhookReceiverOptions { AllowUnsignedDeliveries = true, RedeliveryWindow = TimeSpan.FromMinutes(10), RedeliveryCapacity = 100 }, time);

        async Task<WebhookOutcome> SendAsync(string id) =>
            (await receiver.ReceiveAsync(Headers("ping", id: id), new MemoryStream("{}"u8.ToArray()), () => handler)).Outcome;

        Assert.Equal(WebhookOutcome.Dispatched, await SendAsync("a"));
        Assert.Equal(WebhookOutcome.Redelivery, await SendAsync("a"));
        time.Now += TimeSpan.FromMinutes(11);
        Assert.Equal(WebhookOutcome.Dispatched, await SendAsync("a"));
        for (var i = 0; i < 500; i++)
        {
            await SendAsync("id-" + i);
        }

        Assert.InRange(receiver.RememberedDeliveries, 1, 100);
        Assert.Equal(WebhookOutcome.Dispatched, await SendAsync("id-0"));
        Assert.Equal(WebhookOutcome.Redelivery, await SendAsync("id-499"));
        Assert.Equal(503, handler.Calls);
    }

    [Fact]
    public async Task Without_ASP_NET_Core_a_delivery_is_verified_read_and_dispatched_by_the_generated_handler()
    {
        // What an Azure Function or a queue worker does with the same generated handler.
        var example = WebhookExamples.Get("workflow-job-queued");
        var body = Encoding.UTF8.GetBytes(example.Json);
        var signature = WebhookSignature.Sign(body, "secret");
        var handler = new QueuedJobs();

        Assert.True(WebhookSignature.Verify(body, signature, "secret"));
        var delivery = WebhookDelivery.Read(Headers("workflow_job", id: "d"), body);
        await handler.DispatchAsync(delivery, CancellationToken.None);

        Assert.Equal(System.Text.Json.JsonDocument.Parse(example.Json).RootElement.GetProperty("workflow_job").GetProperty("id").GetInt64(), Assert.Single(handler.Jobs).Id);
    }

    private static Dictionary<string, string> Headers(string @event, string contentType = "application/json", string? id = null)
    {
        var headers = new Dictionary<string, string> { ["X-GitHub-Event"] = @event, ["Content-Type"] = contentType };
        if (id is not null)
        {
            headers["X-GitHub-Delivery"] = id;
        }

        return headers;
    }

    private sealed class QueuedJobs : ActionsWebhookHandler
    {
        public List<Job> Jobs { get; } = new();

        public override Task OnWorkflowJobQueuedAsync(WebhookWorkflowJobQueued payload, WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            Jobs.Add(payload.WorkflowJob);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingHandler : ActionsWebhookHandler
    {
        public int Calls { get; private set; }

        public override Task OnPingAsync(WebhookPing payload, WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A body of <c>length</c> bytes that counts what is read of it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
