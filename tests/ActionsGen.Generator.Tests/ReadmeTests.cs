using System.Text.RegularExpressions;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>The README's C# example compiles against what the generator emits for the checked-in spec.</summary>
public class ReadmeTests
{
    [Fact]
    public void The_usage_example_compiles_with_no_errors_and_no_warnings()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var example = Regex.Match(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("ListAllWorkflowRunsForRepoAsync", example);
        var lines = example.Split('\n');
        var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';') && !l.Contains('(') && !l.Contains('='));
        var body = lines.Where(l => !usings.Contains(l));
        var source = "using System;\nusing System.Net.Http;\n" + string.Join("\n", usings) +
            "\nstatic class ReadmeExample\n{\n    static async System.Threading.Tasks.Task RunAsync()\n    {\n" + string.Join("\n", body) + "\n    }\n}\n";

        var (run, _, compile) = GeneratorHarness.Generate(File.ReadAllText(GeneratorHarness.SpecPath), extraSources: source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
    }

    [Fact]
    public void The_webhook_receiver_example_compiles_as_a_web_app_with_no_errors_and_no_warnings()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var example = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).Single(e => e.Contains("MapActionsWebhooks", StringComparison.Ordinal));
        Assert.True(example.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 20, "a receiver in ten lines (and a handler)");

        // The usings a `dotnet new web` project has implicitly.
        const string ImplicitUsings = """
            global using System;
            global using System.Threading;
            global using System.Threading.Tasks;
            global using Microsoft.AspNetCore.Builder;
            global using Microsoft.Extensions.Configuration;
            global using Microsoft.Extensions.DependencyInjection;
            global using Microsoft.Extensions.Hosting;
            global using Microsoft.Extensions.Logging;
            """;
        var compilation = GeneratorHarness.Compilation(ImplicitUsings, example).AddReferences(WebhookTests.AspNetCore.Value);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));

        var driver = GeneratorHarness.Driver(File.ReadAllText(GeneratorHarness.SpecPath)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Empty(GeneratorHarness.WithNullableWarnings(output).GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task The_simulator_example_compiles_with_no_warnings_and_its_test_passes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme.Substring(readme.IndexOf("## Testing with the simulator", StringComparison.Ordinal));
        var example = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("new ActionsSimulator()", example);
        Assert.True(example.Split('\n').Count(l => l.StartsWith("        ", StringComparison.Ordinal) && l.Trim().Length > 1) <= 10, "the test method is ten lines");

        // As a test project with ImplicitUsings compiles it, with ActionsGenSimulator=true for the built-in spec.
        const string ImplicitUsings = "global using System;\nglobal using System.Linq;\nglobal using System.Net.Http;\nglobal using System.Threading.Tasks;\n";
        var compilation = GeneratorHarness.Compilation(ImplicitUsings, example)
            .AddReferences(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location), MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location));
        var texts = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText("/specs/actions.yaml", File.ReadAllText(GeneratorHarness.SpecPath)));
        GeneratorHarness.Driver(texts, metadata: new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenSimulator"] = "true" })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Empty(GeneratorHarness.WithNullableWarnings(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var type = System.Reflection.Assembly.Load(image.ToArray()).GetType("CancelTests", throwOnError: true)!;
        var test = type.GetMethods().Single(m => m.GetCustomAttributes(typeof(FactAttribute), false).Length == 1);
        await (Task)test.Invoke(Activator.CreateInstance(type), null)!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActionsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ActionsGen.sln not found above " + AppContext.BaseDirectory);
    }
}
