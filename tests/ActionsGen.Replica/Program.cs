// A replica: polls runs --from..--to of octo-org/octo-repo --rounds times, in an order of its own (--seed), and prints
// one line: "read=N not_sent=N refused=N failed=N". Replicas of a service do not start in the same millisecond:
// --delay-ms waits before the first call. Usage:
//   ActionsGen.Replica --base URL --redis HOST:PORT --key PEMFILE --app ID --installation ID --from 1 --to 20 --rounds 3 --seed 1
using ActionsGen.Runtime;
using ActionsGen.Runtime.Errors;
using GitHub.Actions;
using Microsoft.Extensions.Caching.StackExchangeRedis;

var storeFailures = 0;
using var meters = new System.Diagnostics.Metrics.MeterListener
{
    InstrumentPublished = (instrument, listener) =>
    {
        if (instrument.Name == ActionsGen.Runtime.Telemetry.ActionsTelemetry.SharedCacheFailures)
        {
            listener.EnableMeasurementEvents(instrument);
        }
    },
};
meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref storeFailures, (int)value));
meters.Start();

var arguments = args.Select((value, i) => (value, i)).Where(a => a.value.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(a => a.value[2..], a => args[a.i + 1]);
var options = ActionsClientOptions.ForGitHubApp(long.Parse(arguments["app"]), File.ReadAllText(arguments["key"]), long.Parse(arguments["installation"]), new Uri(arguments["base"]));
options.UseConditionalRequests = true;
using var cache = new RedisCache(new RedisCacheOptions { Configuration = arguments["redis"] + ",abortConnect=false", InstanceName = "svc:" });
options.SharedCache = cache;
using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
var client = new ActionsClient(http, options);

var (from, to, seed) = (long.Parse(arguments["from"]), long.Parse(arguments["to"]), int.Parse(arguments["seed"]));
await Task.Delay(int.Parse(arguments.GetValueOrDefault("delay-ms", "0")));
int read = 0, notSent = 0, refused = 0, failed = 0;
for (var round = 0; round < int.Parse(arguments["rounds"]); round++)
{
    var runs = new List<long>();
    for (var run = from; run <= to; run++)
    {
        runs.Add(run);
    }

    // Replicas walk the runs in different orders (a multiplier coprime with common run counts, and an offset per seed).
    var multiplier = new[] { 1, 3, 9, 7, 11 }[(seed - 1) % 5];
    foreach (var run in runs.OrderBy(r => ((r * multiplier) + (7 * (seed - 1)) + round) % (to - from + 1)))
    {
        try
        {
            read += (await client.WorkflowRuns.GetWorkflowRunAsync("octo-org", "octo-repo", run)).Id == run ? 1 : 0;
        }
        catch (RateLimitExceededException e)
        {
            _ = e.WasSent ? refused++ : notSent++;
        }
        catch (Exception e)
        {
            failed++;
            Console.Error.WriteLine(e.Message);
        }
    }
}

Console.WriteLine($"read={read} not_sent={notSent} refused={refused} failed={failed}");
Console.Error.WriteLine($"store_failures={storeFailures}");
return failed == 0 ? 0 : 1;
