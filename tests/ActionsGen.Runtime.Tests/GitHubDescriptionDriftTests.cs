using ActionsGen.Testing.Drift;
using Xunit.Abstractions;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The built-in client against Prism serving GitHub's current api.github.com description (npm @octokit/openapi, cut to
/// our 23 operations) with random answers that description allows. The table for all five descriptions:
/// <c>dotnet run -c Release --project tests/ActionsGen.Benchmarks -- drift-check</c>.
/// </summary>
public class GitHubDescriptionDriftTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_answer_GitHubs_description_allows_is_read_and_strict_reading_would_refuse_some()
    {
        var run = await DriftCheck.RunAsync([DriftDescription.All[0]], rounds: 3, seed: null, output.WriteLine);
        if (run.SkipReason is not null)
        {
            // npm (with Node.js) installs Prism and the descriptions; without it or its registry there is nothing to serve.
            output.WriteLine(run.SkipReason);
            return;
        }

        var result = Assert.Single(run.Results);
        foreach (var call in result.Calls.Where(c => c.Lenient != DriftOutcome.Read || c.Strict != DriftOutcome.Read))
        {
            output.WriteLine($"round {call.Round} {call.OperationId} {call.Status}: lenient {call.Lenient} {call.LenientError} "
                + string.Join(", ", call.Deviations.Select(d => d.Path + " " + d.KindName)) + $"; strict {call.Strict} {call.StrictError}");
        }

        // Every operation got at least one answer to read: a refusal of Prism's own (a 4xx for a request it finds
        // invalid) would otherwise leave an operation unchecked.
        Assert.Empty(DriftCalls.All.Select(c => c.OperationId).Except(result.Calls.Where(c => c.Answered).Select(c => c.OperationId)));
        Assert.Empty(result.Failed.Select(c => c.OperationId + ": " + c.LenientError + " / " + c.StrictError));
        Assert.Empty(result.Calls.Where(c => c.Lenient == DriftOutcome.Unreadable).Select(c => c.OperationId + ": " + c.LenientError));

        // The check can fail: the same bytes read strictly are refused, exactly where lenient reading reported drift.
        Assert.NotEqual(0, result.UnreadableStrict);
        Assert.All(result.Calls.Where(c => c.Answered), c => Assert.Equal(c.Lenient == DriftOutcome.ReadWithDeviations, c.Strict == DriftOutcome.Unreadable));
    }
}
