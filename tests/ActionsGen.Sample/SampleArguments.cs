using System.Globalization;

namespace ActionsGen.Sample;

/// <summary>The command line: <c>--demo</c>, or <c>owner/repo</c> with options.</summary>
internal sealed record SampleArguments(string Owner, string Repo, bool Demo, Uri? BaseAddress, int Runs, long? LogJobId)
{
    public static SampleArguments? Parse(string[] args)
    {
        string? ownerRepo = null;
        var demo = false;
        Uri? baseAddress = null;
        var runs = 5;
        long? log = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--demo":
                    demo = true;
                    break;
                case "--base-url" when i + 1 < args.Length && Uri.TryCreate(args[i + 1], UriKind.Absolute, out var uri):
                    baseAddress = uri;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100:
                    runs = n;
                    i++;
                    break;
                case "--log" when i + 1 < args.Length && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var job):
                    log = job;
                    i++;
                    break;
                default:
                    if (args[i].StartsWith('-') || ownerRepo is not null)
                    {
                        return null;
                    }

                    ownerRepo = args[i];
                    break;
            }
        }

        ownerRepo ??= demo ? "octo-org/hello-world" : null;
        var parts = ownerRepo?.Split('/');
        return parts is { Length: 2 } && parts[0].Length > 0 && parts[1].Length > 0
            ? new SampleArguments(parts[0], parts[1], demo, baseAddress, runs, log)
            : null;
    }
}
