using System.Globalization;
using System.Text.RegularExpressions;
using ActionsGen.Testing;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>
/// <c>build-cost</c>: what generated code costs a consumer's build, ActionsGen against Kiota, on the same descriptions in
/// the same run. Per input: an empty console, a console with ActionsGen (the packed package, <c>&lt;ActionsGenSpec&gt;</c>
/// naming the description) and one with Kiota's generated client; each is timed on
/// <c>touch Program.cs; dotnet build -c Release --no-restore</c> with the compiler server on, as for users
/// (<c>-p:UseSharedCompilation=true</c>, whatever the environment's <c>UseSharedCompilation</c> says), or off
/// (<c>--server off</c>).
/// </summary>
internal static class BuildCostReport
{
    public static async Task<int> RunAsync(BuildCostOptions options)
    {
        var feed = await PackageFeed.PackAsync();
        var kiota = options.Builds(ClientKind.Kiota) ? await KiotaClient.InstallToolAsync() : "";
        var inputs = new List<BuildCostInput>();
        foreach (var name in options.Inputs)
        {
            inputs.Add(await BuildCostInput.ResolveAsync(name));
        }

        var variants = await CreateVariantsAsync(options, feed, kiota, inputs);
        try
        {
            foreach (var variant in variants)
            {
                await FirstBuildAsync(variant);
            }

            // The compiler server starts cold, and loads each project's analyzers and references on its first build of
            // it (the generator's first run also reads the spec): one untimed edit build each, as in a user's edit loop.
            foreach (var variant in variants)
            {
                await variant.StepAsync("warm-up", async _ =>
                {
                    variant.TouchProgram();
                    BuildVariant.Require(await variant.BuildAsync("--no-restore", options.ServerProperty));
                });
            }

            for (var run = 0; run < options.Runs; run++)
            {
                foreach (var variant in variants)
                {
                    await TimedBuildsAsync(variant, options.ServerProperty);
                }
            }

            foreach (var variant in variants)
            {
                await PeakMemoryAsync(variant);
            }

            foreach (var variant in variants)
            {
                await variant.StepAsync("compile inputs", async _ => variant.Compile = await CompilerCost.CollectAsync(variant));
            }

            Console.Error.WriteLine("build-cost: the compiler alone");
            await CompilerCost.MeasureAsync(variants, options.Runs);

            var properties = inputs.Where(i => i.Path is not null).ToDictionary(i => i.Name, i => SchemaProperties.Count(i.Path!));
            BuildCostTable.Print(options, inputs, variants, properties);
            CompilerCost.Print(inputs, variants, options.Runs);
            return 0;
        }
        finally
        {
            variants.ForEach(v => v.Dispose());
        }
    }

    private static async Task<List<BuildVariant>> CreateVariantsAsync(BuildCostOptions options, PackageFeed feed, string kiota, List<BuildCostInput> inputs)
    {
        var variants = new List<BuildVariant> { await BuildVariant.CreateAsync(feed, null, ClientKind.EmptyConsole) };
        foreach (var input in inputs)
        {
            if (options.Builds(ClientKind.ActionsGen))
            {
                variants.Add(await BuildVariant.CreateAsync(feed, input, ClientKind.ActionsGen,
                    project =>
                    {
                        project.AddToProject($"<ItemGroup><ActionsGenSpec Include=\"{input.Path}\" /></ItemGroup>");
                        if (options.ClientAssembly is { } clientAssembly)
                        {
                            project.AddToProject($"<PropertyGroup><ActionsGenClientAssembly>{(clientAssembly ? "true" : "false")}</ActionsGenClientAssembly></PropertyGroup>");
                        }

                        return Task.CompletedTask;
                    }));
            }

            if (options.Builds(ClientKind.Kiota))
            {
                variants.Add(await BuildVariant.CreateAsync(feed, input, ClientKind.Kiota, project => KiotaClient.GenerateAsync(kiota, project, input.Path!)));
            }
        }

        return variants;
    }

    private static Task PeakMemoryAsync(BuildVariant variant) => variant.StepAsync("peak compiler memory", async _ =>
    {
        variant.TouchProgram();
        var (build, peak) = await CompilerMemory.MeasureAsync(variant.Project!.Directory, () => variant.BuildAsync("--no-restore", "-p:UseSharedCompilation=false"));
        BuildVariant.Require(build);
        variant.PeakBytes = peak;
    });

    // Restores and builds once; ActionsGen's build also writes its generated files under obj/ to be counted.
    private static Task FirstBuildAsync(BuildVariant variant) => variant.StepAsync("first build", async project =>
    {
        if (variant.Client == ClientKind.Kiota)
        {
            variant.Code = CodeSize.Measure(KiotaClient.Files(project));
        }

        var build = await variant.BuildAsync(variant.Client == ClientKind.ActionsGen ? new[] { "-p:EmitCompilerGeneratedFiles=true" } : Array.Empty<string>());
        if (variant.Client == ClientKind.ActionsGen)
        {
            variant.Code = CodeSize.Measure(CodeSize.ActionsGenFiles(project.Directory));
        }

        BuildVariant.Require(build);
    });

    private static Task TimedBuildsAsync(BuildVariant variant, string server) => variant.StepAsync("timed builds", async _ =>
    {
        if (variant.Client == ClientKind.ActionsGen)
        {
            variant.TouchProgram();
            var report = BuildVariant.Require(await variant.BuildAsync("--no-restore", server, "-p:ReportAnalyzer=true", "-v:d"));
            var line = Regex.Match(report.Output, @"^\s*([0-9.]+)\s+[0-9<]+\s+ActionsGen\.Generator\.ActionsGenerator\s*$", RegexOptions.Multiline);
            if (line.Success)
            {
                variant.GeneratorMs.Add(double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) * 1000);
            }
        }

        variant.TouchProgram();
        variant.EditMs.Add(BuildVariant.Require(await variant.BuildAsync("--no-restore", server)).Elapsed.TotalMilliseconds);
        variant.NoChangeMs.Add(BuildVariant.Require(await variant.BuildAsync("--no-restore", server)).Elapsed.TotalMilliseconds);
    });
}
