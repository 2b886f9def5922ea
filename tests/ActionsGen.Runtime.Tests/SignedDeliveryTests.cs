using System.Net;
using System.Text;
using ActionsGen.Runtime.Serialization;
using ActionsGen.Runtime.Tests.Infrastructure;
using ActionsGen.Runtime.Webhooks;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// SignedDelivery makes the deliveries users need to test their receivers: a payload model, written with its
/// generated writer and signed, goes through a real receiver to its method; unsigned, it is refused.
/// </summary>
public class SignedDeliveryTests
{
    private static WebhookWorkflowJobQueued Queued() =>
        ActionsJson.Deserialize<WebhookWorkflowJobQueued>(Encoding.UTF8.GetBytes(WebhookExamples.Get("workflow-job-queued").Json));

    [Fact]
    public async Task A_signed_delivery_of_a_payload_model_reaches_its_method_with_the_same_payload()
    {
        await using var server = await WebhookServer.StartAsync();
        var payload = Queued();

        using var response = await server.SendAsync(SignedDelivery.Create("workflow_job", payload, WebhookServer.Secret, new Uri("hooks", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (method, delivery, received) = Assert.Single(server.Dispatches.Calls);
        Assert.Equal("OnWorkflowJobQueuedAsync", method);
        Assert.Equal("queued", delivery.Action);
        Assert.Equal(payload.WorkflowJob.Id, Assert.IsType<WebhookWorkflowJobQueued>(received).WorkflowJob.Id);
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_delivery_is_refused()
    {
        await using var server = await WebhookServer.StartAsync();

        using var unsigned = await server.SendAsync(SignedDelivery.Create("workflow_job", Queued(), secret: null, new Uri("hooks", UriKind.Relative)));
        using var otherSecret = await server.SendAsync(SignedDelivery.Create("workflow_job", Queued(), "not the secret", new Uri("hooks", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherSecret.StatusCode);
        Assert.Empty(server.Dispatches.Calls);
    }
}
