using System.Net;
using System.Text;
using ActionsGen.Runtime.Webhooks;
using ActionsGen.Testing;
using GitHub.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionsGen.Sample;

/// <summary>
/// Demo mode's webhook part: the generated receiver on loopback (AddActionsWebhookHandler + MapActionsWebhooks, as the
/// README's receiver), one delivery of the spec's workflow_job completed example signed as GitHub signs it, and one
/// with a wrong signature, which never reaches the handler.
/// </summary>
internal static class WebhookDemo
{
    private const string Secret = "demo-webhook-secret";

    public static async Task RunAsync(TextWriter output)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(output);
        builder.Services.AddActionsWebhookHandler<PrintingHandler>();
        await using var app = builder.Build();
        app.MapActionsWebhooks("/webhooks", Secret);
        var root = await KestrelLoopback.StartAsync(app);

        using var http = new HttpClient { BaseAddress = root };
        var body = Encoding.UTF8.GetBytes(WebhookExamples.Get("workflow-job-completed").Json);
        output.WriteLine($"Webhook receiver at {new Uri(root, "webhooks")}");
        foreach (var (what, secret) in new[] { ("signed", Secret), ("signed with another secret", "not-the-secret") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-GitHub-Event", "workflow_job");
            request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, secret));
            using var response = await http.SendAsync(request);
            output.WriteLine($"  delivery {what}: {(int)response.StatusCode} {response.StatusCode}");
        }
    }

    private sealed class PrintingHandler(TextWriter output) : ActionsWebhookHandler
    {
        public override Task OnWorkflowJobCompletedAsync(WebhookWorkflowJobCompleted payload, WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            var job = payload.WorkflowJob;
            output.WriteLine($"  {delivery}: job {job.Id} {job.Name} of {payload.Repository.FullName}: {job.Conclusion} on {job.RunnerName}");
            return Task.CompletedTask;
        }
    }
}
