using System.Text;
using System.Text.RegularExpressions;
using ActionsGen.Runtime;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Serialization;
using GitHub.Actions;

namespace ActionsGen.Testing.Drift;

/// <summary>How the built-in client took one answer.</summary>
public enum DriftOutcome
{
    /// <summary>Read, nothing departed from spec/actions.yaml.</summary>
    Read,

    /// <summary>Read, with deviations reported through <c>OnResponseDeviations</c>.</summary>
    ReadWithDeviations,

    /// <summary>Refused with <see cref="InvalidResponseException"/>.</summary>
    Unreadable,

    /// <summary>The server did not answer with a 2xx/3xx (Prism refusing the request for its own reasons), or no answer came.</summary>
    NotAnswered,

    /// <summary>The client failed some other way (an exception that is not an <see cref="ApiException"/>): a bug.</summary>
    Failed,
}

/// <summary>One call, read leniently (default options) and strictly (<c>StrictResponses</c>) from the same bytes.</summary>
public sealed record DriftCall(
    string OperationId,
    int Round,
    int? Status,
    DriftOutcome Lenient,
    string? LenientError,
    DriftOutcome Strict,
    string? StrictError,
    IReadOnlyList<JsonDeviation> Deviations,
    int DeviationCount,
    string? Answer)
{
    public bool Answered => Status is >= 200 and < 400;
}

/// <summary>Every call against one description.</summary>
public sealed record DriftResult(DriftDescription Description, int Rounds, IReadOnlyList<string> NotDescribed, IReadOnlyList<DriftCall> Calls)
{
    public int Answered => Calls.Count(c => c.Answered);

    public int UnreadableLenient => Calls.Count(c => c.Lenient == DriftOutcome.Unreadable);

    public int UnreadableStrict => Calls.Count(c => c.Strict == DriftOutcome.Unreadable);

    public int WithDeviations => Calls.Count(c => c.Lenient == DriftOutcome.ReadWithDeviations);

    public int DeviationCount => Calls.Sum(c => c.DeviationCount);

    public IEnumerable<DriftCall> NotAnswered => Calls.Where(c => !c.Answered);

    public IEnumerable<DriftCall> Failed => Calls.Where(c => c.Lenient == DriftOutcome.Failed || c.Strict == DriftOutcome.Failed);

    /// <summary>The listed deviations by JSON path (array indexes as <c>[]</c>) and kind, most frequent first.</summary>
    public IReadOnlyList<(string PathAndKind, int Count)> TopDeviations(int count) => Calls
        .SelectMany(c => c.Deviations)
        .GroupBy(d => Regex.Replace(d.Path, @"\[\d+\]", "[]") + " " + d.KindName)
        .Select(g => (g.Key, g.Count()))
        .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Take(count)
        .ToArray();
}

/// <summary>A run of the check: a result per description, or why it was skipped.</summary>
public sealed record DriftRun(IReadOnlyList<DriftResult> Results, string? SkipReason, string? Seed);

/// <summary>
/// Serves each of GitHub's current descriptions (cut to our operations) with Prism's random responses and calls every
/// operation of the built-in client: a response our reader cannot take is counted, leniently and strictly.
/// </summary>
public static class DriftCheck
{
    /// <summary>
    /// Runs <paramref name="rounds"/> rounds against each description; <paramref name="seed"/> makes Prism's answers
    /// repeatable (it then answers a request the same way every time, so rounds repeat too); null for random ones.
    /// </summary>
    public static async Task<DriftRun> RunAsync(IReadOnlyList<DriftDescription> descriptions, int rounds, string? seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        AssertEveryOperationIsCalled();
        var cli = await PrismMock.CliAsync();
        if (!cli.Found)
        {
            return new DriftRun([], cli.SkipReason, seed);
        }

        var folder = Directory.CreateTempSubdirectory("actionsgen-drift-").FullName;
        try
        {
            var results = new List<DriftResult>();
            foreach (var description in descriptions)
            {
                var (cut, skip) = await description.CutAsync(folder);
                if (cut is null)
                {
                    return new DriftRun(results, skip, seed);
                }

                await using var prism = await PrismMock.StartAsync(cli.Path!, cut.Path, seed, TimeSpan.FromSeconds(60));
                log($"{description.Name}: Prism {PrismMock.Version} on {prism.BaseAddress}, {cut.Operations.Count} operations, {rounds} rounds");
                var calls = await CallAllAsync(prism.BaseAddress, cut.Operations, rounds, cancellationToken);
                var notDescribed = DriftCalls.All.Select(c => c.OperationId).Where(id => !cut.Operations.Contains(id)).ToArray();
                results.Add(new DriftResult(description, rounds, notDescribed, calls));
            }

            return new DriftRun(results, null, seed);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Calls each operation in <paramref name="described"/> once a round, reading each answer leniently and strictly.</summary>
    public static async Task<IReadOnlyList<DriftCall>> CallAllAsync(Uri baseAddress, IReadOnlySet<string> described, int rounds, CancellationToken cancellationToken)
    {
        var reports = new List<JsonDeviationReport>();
        var recorder = new RecordingHandler(ActionsClientOptions.CreateHttpHandler());
        using var lenientHttp = new HttpClient(recorder);
        using var strictHttp = new HttpClient(new ReplayHandler(recorder));
        var lenient = new ActionsClient(lenientHttp, Options(baseAddress, strict: false, reports.Add));
        var strict = new ActionsClient(strictHttp, Options(baseAddress, strict: true, null));

        var calls = new List<DriftCall>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (operationId, call) in DriftCalls.All.Where(c => described.Contains(c.OperationId)))
            {
                reports.Clear();
                recorder.Forget();
                var (lenientOutcome, lenientError) = await OutcomeAsync(() => call(lenient, cancellationToken));
                lenientOutcome = lenientOutcome == DriftOutcome.Read && reports.Count > 0 ? DriftOutcome.ReadWithDeviations : lenientOutcome;
                var answer = recorder.Last;
                var (strictOutcome, strictError) = answer is null ? (lenientOutcome, lenientError) : await OutcomeAsync(() => call(strict, cancellationToken));
                calls.Add(new DriftCall(
                    operationId,
                    round,
                    answer is null ? null : (int)answer.Status,
                    lenientOutcome,
                    lenientError,
                    strictOutcome,
                    strictError,
                    reports.SelectMany(r => r.Listed).ToArray(),
                    reports.Sum(r => r.Count),
                    answer is null || (int)answer.Status is >= 200 and < 400 ? null : Excerpt(answer.Body)));
            }
        }

        return calls;
    }

    private static ActionsClientOptions Options(Uri baseAddress, bool strict, Action<JsonDeviationReport>? onDeviations) => new()
    {
        BaseAddress = baseAddress,
        Token = "drift-check",
        StrictResponses = strict,
        OnResponseDeviations = onDeviations,
        // One answer per call: a retried 5xx would count Prism twice and wait.
        Retry = new RetryOptions { MaxRetries = 0 },
    };

    private static async Task<(DriftOutcome, string?)> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return (DriftOutcome.Read, null);
        }
        catch (InvalidResponseException e)
        {
            return (DriftOutcome.Unreadable, e.Message);
        }
        catch (ApiException e)
        {
            return (DriftOutcome.NotAnswered, (int)e.StatusCode + " " + e.GetType().Name);
        }
        catch (HttpRequestException e)
        {
            return (DriftOutcome.NotAnswered, e.GetType().Name + ": " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (DriftOutcome.Failed, e.GetType().Name + ": " + e.Message);
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 240 ? text : text[..240] + "…";
    }

    private static void AssertEveryOperationIsCalled()
    {
        var spec = DriftDescription.SpecOperationIds().Order(StringComparer.Ordinal);
        var called = DriftCalls.All.Select(c => c.OperationId).Order(StringComparer.Ordinal);
        if (!spec.SequenceEqual(called))
        {
            throw new InvalidOperationException("DriftCalls must call every operation of spec/actions.yaml once: spec has "
                + string.Join(", ", spec.Except(called)) + " uncalled; calls " + string.Join(", ", called.Except(spec)) + " not in the spec");
        }
    }
}
