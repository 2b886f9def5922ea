using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Telemetry;

/// <summary>
/// The names ActionsGen reports under, through System.Diagnostics only: an <see cref="ActivitySource"/> with one
/// activity per operation call (per page of a page walk), and a <see cref="Meter"/> with the rate limit and counters of
/// retries and rate-limit waits. Tags follow OpenTelemetry's HTTP client conventions; tokens, keys and query strings
/// never appear in them.
/// </summary>
public static class ActionsTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>ActionsGen</c>.</summary>
    public const string Name = "ActionsGen";

    /// <summary>Gauge: requests left in the rate-limit window, as the last response of any client in the process reported it (tag <c>github.rate_limit.resource</c>).</summary>
    public const string RateLimitRemaining = "actionsgen.rate_limit.remaining";

    /// <summary>Gauge: requests allowed per rate-limit window (tag <c>github.rate_limit.resource</c>).</summary>
    public const string RateLimitLimit = "actionsgen.rate_limit.limit";

    /// <summary>Counter: requests sent again after a transient failure (tags <c>github.operation_id</c>, <c>error.type</c>).</summary>
    public const string Retries = "actionsgen.retries";

    /// <summary>Counter: waits for a rate-limit window, by the call that met the limit and by the calls that held back for it (tag <c>github.operation_id</c>).</summary>
    public const string RateLimitWaits = "actionsgen.rate_limit.waits";

    /// <summary>Counter: members and items of response bodies that departed from their description and were read past (tags <c>github.operation_id</c>, <c>actionsgen.deviation_kind</c>).</summary>
    public const string ResponseDeviations = "actionsgen.response.deviations";

    /// <summary>The activity event for one deviation (tags <c>actionsgen.json_path</c>, <c>actionsgen.deviation_kind</c>); at most <see cref="JsonDeviationReport.MaxListed"/> per response, with the activity's <c>actionsgen.response.deviation_count</c> tag counting all.</summary>
    public const string DeviationEvent = "actionsgen.response.deviation";

    /// <summary>Counter: calls to <see cref="ActionsClientOptions.SharedCache"/> that failed or timed out, after which the call went on without it (tags <c>actionsgen.shared_cache.operation</c>, <c>error.type</c>).</summary>
    public const string SharedCacheFailures = "actionsgen.shared_cache.failures";

    internal static readonly ActivitySource Source = new(Name, typeof(ActionsTelemetry).Assembly.GetName().Version?.ToString(3));

    private static readonly Meter Meter = new(Name, typeof(ActionsTelemetry).Assembly.GetName().Version?.ToString(3));
    private static readonly Counter<long> RetryCounter = Meter.CreateCounter<long>(Retries, "{retry}", "Requests sent again after a transient failure.");
    private static readonly Counter<long> WaitCounter = Meter.CreateCounter<long>(RateLimitWaits, "{wait}", "Waits for a rate-limit window.");
    private static readonly Counter<long> DeviationCounter = Meter.CreateCounter<long>(ResponseDeviations, "{deviation}", "Response members that departed from their description and were read past.");
    private static readonly Counter<long> SharedCacheFailureCounter = Meter.CreateCounter<long>(SharedCacheFailures, "{failure}", "Shared cache calls that failed or timed out.");
    private static readonly ConcurrentDictionary<string, RateLimit> LastRateLimits = new(StringComparer.Ordinal);

    static ActionsTelemetry()
    {
        Meter.CreateObservableGauge(RateLimitRemaining, () => Observe(l => l.Remaining), "{request}", "Requests left in the rate-limit window.");
        Meter.CreateObservableGauge(RateLimitLimit, () => Observe(l => l.Limit), "{request}", "Requests allowed per rate-limit window.");
    }

    /// <summary>Starts the activity of one operation call, or null when nobody listens.</summary>
    internal static Activity? Start(ApiRequest request, Uri uri)
    {
        var activity = Source.StartActivity(request.OperationId, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("url.template", request.PathTemplate);
        }

        return activity;
    }

    /// <summary>Records what a response said: status, request id and rate limit (on the activity and the gauges).</summary>
    internal static void Response(Activity? activity, HttpResponseMessage response, RateLimit? rateLimit)
    {
        if (rateLimit is not null)
        {
            LastRateLimits[rateLimit.Resource ?? "core"] = rateLimit;
        }

        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("http.response.status_code", (int)response.StatusCode);
        activity.SetTag("github.request_id", RateLimit.First(response.Headers, "x-github-request-id"));
        if (rateLimit is not null)
        {
            activity.SetTag("github.rate_limit.remaining", rateLimit.Remaining);
        }
    }

    /// <summary>A request goes out again: <c>http.request.resend_count</c> on the activity.</summary>
    internal static void Resend(Activity? activity, int resendCount) => activity?.SetTag("http.request.resend_count", resendCount);

    internal static void Retry(string operationId, string errorType) =>
        RetryCounter.Add(1, new KeyValuePair<string, object?>("github.operation_id", operationId), new KeyValuePair<string, object?>("error.type", errorType));

    internal static void SharedCacheFailure(string operation, Exception error) =>
        SharedCacheFailureCounter.Add(1, new KeyValuePair<string, object?>("actionsgen.shared_cache.operation", operation), new KeyValuePair<string, object?>("error.type", error.GetType().FullName));

    internal static void RateLimitWait(string operationId) =>
        WaitCounter.Add(1, new KeyValuePair<string, object?>("github.operation_id", operationId));

    /// <summary>
    /// Reports what one document's read found: an event per listed deviation and the total on the operation's activity
    /// (the current one, if it is ActionsGen's), and the counter by kind. Nothing when <paramref name="report"/> is null;
    /// callers check first all the same: any call runs the static constructor (the meter and its instruments, ~340
    /// methods to compile where the framework is not precompiled), which a read that found nothing does not need.
    /// </summary>
    internal static void Deviations(JsonDeviationReport? report)
    {
        if (report is null)
        {
            return;
        }

        var operationId = new KeyValuePair<string, object?>("github.operation_id", report.OperationId);
        for (var kind = JsonDeviationKind.Missing; kind <= JsonDeviationKind.NullElement; kind++)
        {
            if (report.CountOf(kind) is var count and > 0)
            {
                DeviationCounter.Add(count, operationId, new KeyValuePair<string, object?>("actionsgen.deviation_kind", JsonDeviation.NameOf(kind)));
            }
        }

        if (Activity.Current is not { IsAllDataRequested: true } activity || activity.Source != Source)
        {
            return;
        }

        activity.SetTag("actionsgen.response.deviation_count", report.Count);
        foreach (var deviation in report.Listed)
        {
            activity.AddEvent(new ActivityEvent(DeviationEvent, tags: new ActivityTagsCollection
            {
                ["actionsgen.json_path"] = deviation.Path,
                ["actionsgen.deviation_kind"] = deviation.KindName,
                ["actionsgen.deviation"] = deviation.Description,
            }));
        }
    }

    /// <summary>Marks the activity failed; always false, so it can sit in an exception filter without catching.</summary>
    internal static bool Fail(Activity? activity, Exception error)
    {
        if (activity is not null)
        {
            activity.SetTag("error.type", ErrorType(error));
            activity.SetStatus(ActivityStatusCode.Error, error is ApiException api ? api.OperationId + " failed with " + (int)api.StatusCode : error.GetType().Name);
        }

        return false;
    }

    /// <summary>OpenTelemetry's <c>error.type</c>: the status code for an HTTP failure, else the exception's type.</summary>
    internal static string ErrorType(Exception error) => error switch
    {
        InvalidResponseException => typeof(InvalidResponseException).FullName!,
        ApiException api => ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        OperationCanceledException => typeof(OperationCanceledException).FullName!,
        _ => error.GetType().FullName!,
    };

    private static IEnumerable<Measurement<long>> Observe(Func<RateLimit, long> value)
    {
        foreach (var (resource, limit) in LastRateLimits)
        {
            yield return new Measurement<long>(value(limit), new KeyValuePair<string, object?>("github.rate_limit.resource", resource));
        }
    }
}
