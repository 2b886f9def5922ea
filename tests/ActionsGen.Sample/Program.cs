using ActionsGen.Runtime;
using ActionsGen.Runtime.Errors;
using ActionsGen.Sample;
using GitHub.Actions;

// Lists a repository's recent workflow runs with their jobs and step timings, and downloads a job's log.
//   ActionsGen.Sample --demo                      against a loopback server that answers with the spec's examples,
//                                                 then one signed webhook delivery through the generated receiver
//   GITHUB_TOKEN=… ActionsGen.Sample owner/repo [--base-url https://HOST/api/v3/] [--runs N] [--log JOB_ID]
var arguments = SampleArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: ActionsGen.Sample --demo | owner/repo [--base-url URL] [--runs N] [--log JOB_ID]   (token from GITHUB_TOKEN)");
    return 2;
}

await using var demo = arguments.Demo ? await DemoServer.StartAsync() : null;
var options = new ActionsClientOptions
{
    BaseAddress = demo?.ApiAddress ?? arguments.BaseAddress ?? ActionsClientOptions.GitHubApiAddress,
    Token = demo is not null ? DemoServer.Token : Environment.GetEnvironmentVariable("GITHUB_TOKEN"),
    UserAgent = "ActionsGen.Sample/1.0",
};
using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
var client = new ActionsClient(http, options);
Console.WriteLine($"Workflow runs of {arguments.Owner}/{arguments.Repo} at {options.BaseAddress}");

try
{
    await RecentRuns.PrintAsync(client, arguments, Console.Out);
}
catch (ApiException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

if (client.Connection.LastRateLimit is { } limit)
{
    Console.WriteLine($"Rate limit: {limit.Remaining}/{limit.Limit} left, resets {limit.Reset:u}");
}

if (demo is not null)
{
    await WebhookDemo.RunAsync(Console.Out);
}

return 0;
