using System.Text.RegularExpressions;
using ActionsGen.Testing;

namespace ActionsGen.Benchmarks.BuildCost;

internal enum ClientKind
{
    EmptyConsole,
    ActionsGen,
    Kiota,
}

/// <summary>
/// One consumer project of the report and what was measured on it. A step that fails marks the variant failed with a
/// one-line reason and skips its later steps, so one broken build costs one cell of the table, not the report.
/// </summary>
internal sealed class BuildVariant : IDisposable
{
    private BuildVariant(BuildCostInput? input, ClientKind client, string? failure)
    {
        Input = input;
        Client = client;
        Failure = failure;
    }

    public BuildCostInput? Input { get; }

    public ClientKind Client { get; }

    public ConsumerProject? Project { get; private set; }

    public string? Failure { get; private set; }

    public List<double> EditMs { get; } = new();

    public List<double> NoChangeMs { get; } = new();

    public List<double> GeneratorMs { get; } = new();

    public long? PeakBytes { get; set; }

    public CodeSize? Code { get; set; }

    public CompileInputs? Compile { get; set; }

    /// <summary>The in-process compile's CPU time per round (<see cref="CompilerCost"/>).</summary>
    public List<double> CompileMs { get; } = new();

    /// <summary>The first error of the in-process compile, if it failed (the builds' figures stand).</summary>
    public string? CompileFailure { get; set; }

    public bool Usable => Failure is null && Project is not null;

    public static async Task<BuildVariant> CreateAsync(PackageFeed feed, BuildCostInput? input, ClientKind client, Func<ConsumerProject, Task>? prepare = null)
    {
        var variant = new BuildVariant(input, client, input?.SkipReason);
        if (variant.Failure is null)
        {
            await variant.StepAsync("setup", async _ =>
            {
                var name = client + (input is null ? "" : char.ToUpperInvariant(input.Name[0]) + input.Name[1..]);
                variant.Project = await ConsumerProject.CreateAsync(feed, name, addPackage: client == ClientKind.ActionsGen);
                variant.Project.WriteFile("Program.cs", "Console.WriteLine(args.Length);\n");
                if (prepare is not null)
                {
                    await prepare(variant.Project);
                }
            }, requireProject: false);
        }

        return variant;
    }

    public async Task StepAsync(string what, Func<ConsumerProject, Task> step, bool requireProject = true)
    {
        if (Failure is not null || (requireProject && Project is null))
        {
            return;
        }

        Console.Error.WriteLine($"build-cost: {Input?.Name ?? "empty"} {Client}: {what}");
        try
        {
            await step(Project!);
        }
        catch (Exception e)
        {
            Failure = what + ": " + OneLine(e);
            Console.Error.WriteLine("build-cost:   failed: " + Failure);
        }
    }

    /// <summary><c>dotnet build -c Release</c> in the project, within the input's time limit.</summary>
    public Task<CliResult> BuildAsync(params string[] extra) =>
        DotNetCli.RunAsync(Project!.Directory, new[] { "build", "-c", "Release", "--nologo" }.Concat(extra), Input?.BuildTimeout ?? TimeSpan.FromMinutes(5));

    /// <summary>Makes the next build compile again, as a C# edit does.</summary>
    public void TouchProgram() => File.SetLastWriteTimeUtc(Path.Combine(Project!.Directory, "Program.cs"), DateTime.UtcNow);

    public static CliResult Require(CliResult result) => result.Succeeded ? result : throw new BuildFailedException(result);

    public void Dispose() => Project?.Dispose();

    private static string OneLine(Exception e)
    {
        var text = e is TimeoutException ? "timed out" : e.Message;
        if (e is BuildFailedException failed)
        {
            text = Regex.Match(failed.Result.Output, @"(error [A-Z]+[0-9]+:[^\r\n]*|Out of memory[^\r\n]*|OutOfMemory[^\r\n]*)") is { Success: true } error
                ? error.Value
                : "exit " + failed.Result.ExitCode;
        }

        text = text.Split('\n')[0].Trim().Replace('|', '/');
        return text.Length > 140 ? text[..140] + "…" : text;
    }

    private sealed class BuildFailedException(CliResult result) : Exception("build failed")
    {
        public CliResult Result { get; } = result;
    }
}
