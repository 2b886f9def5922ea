using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// Receives deliveries for one endpoint, independent of any web framework (the generated ASP.NET Core endpoint is a
/// thin adapter over it): refuses a body over the limit without reading it (413), checks the signature over the raw
/// body (401, the handler never runs), reads the delivery (400 when it is not a JSON object), acknowledges a
/// redelivery without dispatching it again, dispatches the rest, and turns a handler's exception into a 500 that says
/// nothing of it. One activity and one count per delivery (<see cref="WebhookTelemetry"/>).
/// </summary>
public sealed class WebhookReceiver
{
    private const int ChunkBytes = 16 * 1024;

    private readonly Func<WebhookReceiverOptions> _options;
    private readonly TimeProvider _time;
    private readonly DeliveryLog _deliveries = new();

    /// <summary>A receiver with fixed options.</summary>
    /// <exception cref="InvalidOperationException">The options have no secret and do not allow unsigned deliveries.</exception>
    public WebhookReceiver(WebhookReceiverOptions options)
        : this(() => options)
    {
        ArgumentNullException.ThrowIfNull(options);
    }

    /// <summary>A receiver that reads its options on every delivery (<c>IOptionsMonitor</c>: secrets rotate without a restart).</summary>
    /// <exception cref="InvalidOperationException">The options have no secret and do not allow unsigned deliveries.</exception>
    public WebhookReceiver(Func<WebhookReceiverOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        (options() ?? throw new InvalidOperationException("The webhook receiver's options are null.")).ThrowIfUnsafe();
    }

    /// <summary>Delivery ids remembered for redelivery checks (for tests of the bound).</summary>
    internal int RememberedDeliveries => _deliveries.Count;

    /// <summary>
    /// Receives one delivery: <paramref name="headers"/> as sent (names in any case), <paramref name="body"/> not yet
    /// read. <paramref name="handler"/> is asked for only when there is something to dispatch.
    /// </summary>
    public async Task<WebhookResult> ReceiveAsync(IEnumerable<KeyValuePair<string, string>> headers, Stream body, Func<WebhookHandler> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(handler);
        var options = _options();
        using var activity = WebhookTelemetry.Start();
        var result = await ReceiveAsync(options, Materialize(headers), body, handler, activity, cancellationToken).ConfigureAwait(false);
        WebhookTelemetry.Outcome(activity, result);
        return result;
    }

    private async Task<WebhookResult> ReceiveAsync(WebhookReceiverOptions options, List<KeyValuePair<string, string>> headers, Stream stream, Func<WebhookHandler> handler, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        if (!options.HasSecret && !options.AllowUnsignedDeliveries)
        {
            // Options reloaded without a secret: fail closed.
            return new WebhookResult(WebhookOutcome.Unauthorized, reason: "no webhook secret is configured");
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(stream, ContentLength(headers), options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            return new WebhookResult(WebhookOutcome.Malformed, reason: "the body ended before its Content-Length");
        }

        if (body is null)
        {
            return new WebhookResult(WebhookOutcome.TooLarge, reason: $"the body is over {options.MaxBodyBytes} bytes");
        }

        if (options.HasSecret && !WebhookSignature.Verify(body, Find(headers, WebhookSignature.Header), options.Secrets))
        {
            return new WebhookResult(WebhookOutcome.Unauthorized, reason: Find(headers, WebhookSignature.Header) is null ? "no " + WebhookSignature.Header + " header" : "the signature matches no secret");
        }

        WebhookDelivery delivery;
        try
        {
            delivery = WebhookDelivery.Read(headers, body);
        }
        catch (WebhookFormatException e)
        {
            return new WebhookResult(WebhookOutcome.Malformed, exception: e, reason: e.Message);
        }

        delivery.Strict = options.StrictPayloads;
        delivery.OnDeviations = options.OnPayloadDeviations;
        WebhookTelemetry.Delivery(activity, delivery);
        var id = delivery.DeliveryId;
        if (id is not null && options.RedeliveryWindow > TimeSpan.Zero
            && !_deliveries.TryClaim(id, _time.GetUtcNow().UtcTicks, options.RedeliveryWindow, options.RedeliveryCapacity))
        {
            return new WebhookResult(WebhookOutcome.Redelivery, delivery);
        }

        try
        {
            await handler().DispatchAsync(delivery, cancellationToken).ConfigureAwait(false);
            return new WebhookResult(delivery.IsUnknown ? WebhookOutcome.Unknown : WebhookOutcome.Dispatched, delivery);
        }
        catch (Exception e)
        {
            // Not dispatched after all: GitHub's redelivery of it must be.
            if (id is not null)
            {
                _deliveries.Release(id);
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return e is WebhookFormatException format
                ? new WebhookResult(WebhookOutcome.Malformed, delivery, format, format.Message)
                : new WebhookResult(WebhookOutcome.Failed, delivery, e, "the handler threw " + e.GetType().FullName);
        }
    }

    /// <summary>
    /// The body, or null when it is over <paramref name="limit"/>: a declared length over it is refused before reading,
    /// and an undeclared one (chunked) is read no further than one byte past it.
    /// </summary>
    internal static async Task<byte[]?> ReadBodyAsync(Stream stream, long? length, long limit, CancellationToken cancellationToken)
    {
        if (length > limit)
        {
            return null;
        }

        if (length is { } exact)
        {
            var buffer = new byte[exact];
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer;
        }

        var rented = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var total = 0;
        try
        {
            while (true)
            {
                if (total == rented.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)rented.Length * 2, Math.Min(limit + 1, Array.MaxLength)));
                    rented.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = larger;
                }

                var read = await stream.ReadAsync(rented.AsMemory(total, (int)Math.Min(rented.Length - total, limit + 1 - total)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return rented.AsSpan(0, total).ToArray();
                }

                total += read;
                if (total > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static List<KeyValuePair<string, string>> Materialize(IEnumerable<KeyValuePair<string, string>> headers) => new(headers);

    private static string? Find(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static long? ContentLength(List<KeyValuePair<string, string>> headers) =>
        long.TryParse(Find(headers, "Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
}
