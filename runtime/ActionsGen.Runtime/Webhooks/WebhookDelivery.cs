using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// One webhook delivery: GitHub's delivery headers, the payload's <c>action</c>, and the payload itself as UTF-8 JSON.
/// Made by <see cref="Read"/> from headers and body (JSON, or a form whose <c>payload</c> field holds the JSON, as a
/// hook set to <c>application/x-www-form-urlencoded</c> sends it); a receiver checks the signature over the body as
/// sent before that. Usable without ASP.NET Core: a queue worker or an Azure Function reads a delivery the same way
/// and hands it to a generated handler's <see cref="WebhookHandler.DispatchAsync"/>.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>The header that names the event: <c>X-GitHub-Event</c>.</summary>
    public const string EventHeader = "X-GitHub-Event";

    /// <summary>The header with the delivery's unique id: <c>X-GitHub-Delivery</c> (the same on a redelivery).</summary>
    public const string DeliveryHeader = "X-GitHub-Delivery";

    private const string FormContentType = "application/x-www-form-urlencoded";
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private WebhookDelivery(string @event, string? action, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers)
    {
        Event = @event;
        Action = action;
        Body = body;
        Headers = headers;
        DeliveryId = Header(headers, DeliveryHeader);
        HookId = Number(Header(headers, "X-GitHub-Hook-ID"));
        InstallationTargetType = Header(headers, "X-GitHub-Hook-Installation-Target-Type");
        InstallationTargetId = Number(Header(headers, "X-GitHub-Hook-Installation-Target-ID"));
    }

    /// <summary>The event (<c>X-GitHub-Event</c>), e.g. <c>workflow_job</c>.</summary>
    public string Event { get; }

    /// <summary>The payload's top-level <c>action</c>, e.g. <c>completed</c>; null for events without actions (<c>workflow_dispatch</c>, <c>ping</c>).</summary>
    public string? Action { get; }

    /// <summary>The delivery's id (<c>X-GitHub-Delivery</c>), the same on every redelivery of it.</summary>
    public string? DeliveryId { get; }

    /// <summary>The id of the webhook that sent it (<c>X-GitHub-Hook-ID</c>).</summary>
    public long? HookId { get; }

    /// <summary>What the webhook is installed on (<c>X-GitHub-Hook-Installation-Target-Type</c>): <c>repository</c>, <c>organization</c>, <c>integration</c> (an app), <c>business</c> …</summary>
    public string? InstallationTargetType { get; }

    /// <summary>The id of what the webhook is installed on (<c>X-GitHub-Hook-Installation-Target-ID</c>).</summary>
    public long? InstallationTargetId { get; }

    /// <summary>The payload as UTF-8 JSON (from a form-encoded delivery, its <c>payload</c> field decoded).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Every header of the delivery, by name in any case (values of a repeated header joined with <c>, </c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Set by a receiver: refuse drift instead of reading past it (<see cref="WebhookReceiverOptions.StrictPayloads"/>).</summary>
    internal bool Strict { get; set; }

    internal Action<WebhookDelivery, JsonDeviationReport>? OnDeviations { get; set; }

    /// <summary>Set when the handler found no method for the event and action.</summary>
    internal bool IsUnknown { get; set; }

    /// <summary>
    /// Reads a delivery from its headers and body (as received: JSON, or a form with a <c>payload</c> field, by
    /// <c>Content-Type</c>). Does not check the signature: <see cref="WebhookSignature.Verify(ReadOnlySpan{byte}, string?, IEnumerable{string})"/> that first, over the same body.
    /// </summary>
    /// <exception cref="WebhookFormatException">No <c>X-GitHub-Event</c>, or the payload is not a JSON object.</exception>
    public static WebhookDelivery Read(IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName[name] = byName.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var @event = Header(byName, EventHeader)?.Trim();
        if (string.IsNullOrEmpty(@event))
        {
            throw new WebhookFormatException("The delivery has no " + EventHeader + " header.");
        }

        var contentType = Header(byName, "Content-Type");
        if (contentType is not null && contentType.TrimStart().StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase))
        {
            body = FormPayload.Extract(body.Span) ?? throw new WebhookFormatException("The form-encoded delivery has no 'payload' field.");
        }

        return new WebhookDelivery(@event, ScanAction(body.Span), body, byName);
    }

    /// <summary>
    /// Reads the payload as <typeparamref name="T"/> with the drift-tolerant reader: a member that departs from the
    /// description is left at its default, and each deviation is reported (activity event, counter, and the receiver's
    /// <see cref="WebhookReceiverOptions.OnPayloadDeviations"/>) under <paramref name="webhook"/>, the webhook's operationId.
    /// </summary>
    /// <exception cref="WebhookFormatException">The payload is not of <typeparamref name="T"/>'s JSON type (or, strict, drifts).</exception>
    public T ReadPayload<T>(string? webhook = null) where T : IJsonModel<T>
    {
        try
        {
            var value = ActionsJson.Read<T, ModelCodec<T>>(Body.Span, Strict ? JsonDeviationKinds.All : JsonDeviationKinds.None, webhook, out var deviations);
            if (deviations is not null)
            {
                Telemetry.ActionsTelemetry.Deviations(deviations);
                OnDeviations?.Invoke(this, deviations);
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new WebhookFormatException($"The {Event} payload cannot be read as {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>The payload as raw JSON.</summary>
    public JsonElement ReadPayloadElement()
    {
        using var document = JsonDocument.Parse(Body, new JsonDocumentOptions { MaxDepth = ReaderOptions.MaxDepth });
        return document.RootElement.Clone();
    }

    /// <summary>The event and action, e.g. <c>workflow_job completed</c>.</summary>
    public override string ToString() => Action is null ? Event : Event + " " + Action;

    // Checks the whole payload is one JSON object and finds its top-level "action": one pass, nothing allocated but the value.
    private static string? ScanAction(ReadOnlySpan<byte> json)
    {
        string? action = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new WebhookFormatException("The payload is not a JSON object.");
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("action"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        action = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw new WebhookFormatException("The payload is not valid JSON: " + e.Message, e);
        }

        return action;
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) => headers.TryGetValue(name, out var value) ? value : null;

    private static long? Number(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
