using System.Diagnostics;

namespace ActionsGen.Runtime.Tests;

/// <summary>The sample (tests/ActionsGen.Sample), built by the solution, runs its demo end to end as the README shows it.</summary>
public class SampleTests
{
    [Fact]
    public async Task The_demo_lists_runs_jobs_steps_and_a_log_through_the_generated_client_and_receives_a_signed_webhook()
    {
        var sample = SamplePath();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(sample);
        start.ArgumentList.Add("--demo");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, "exit code " + process.ExitCode + ": " + await error);
        var text = await output;
        Assert.Contains("#562 Build [push] queued on master acb5820 by octocat", text);
        Assert.Contains("job 399444496 build: completed/success (119s)", text);
        Assert.Contains("8. Deploy to Heroku: success (100s)", text);
        Assert.Contains("Log of job 399444496", text);
        Assert.Contains("| 2020-01-20T17:44:39.0000000Z Job completed.", text);
        Assert.Contains("Rate limit: 4999/5000 left", text);
        Assert.Contains("workflow_job completed: job 289782451 linters of Codertocat/Hello-World: success on GitHub Actions 5", text);
        Assert.Contains("delivery signed: 200 OK", text);
        Assert.Contains("delivery signed with another secret: 401 Unauthorized", text);
        Assert.Single(text.Split('\n'), l => l.Contains("job 289782451", StringComparison.Ordinal));
    }

    private static string SamplePath()
    {
        // artifacts/bin/<project>/<configuration>/: the sample sits beside this test project's output.
        var ownOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var sample = Path.Combine(ownOutput.Parent!.Parent!.FullName, "ActionsGen.Sample", ownOutput.Name, "ActionsGen.Sample.dll");
        Assert.True(File.Exists(sample), "build the solution first: " + sample + " is missing");
        return sample;
    }
}
