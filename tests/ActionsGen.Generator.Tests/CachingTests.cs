using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Parsing;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionsGen.Generator.Tests;

public class CachingTests
{
    private static readonly string[] Steps =
    {
        TrackingNames.Settings, TrackingNames.SpecFiles, TrackingNames.Parse, TrackingNames.NamespaceOwners, TrackingNames.Accepted,
        TrackingNames.Diagnostics, TrackingNames.Types, TrackingNames.Resolver,
        TrackingNames.Client, TrackingNames.ClientGroups, TrackingNames.ClientAssemblyCheck,
    };

    private static readonly string Spec = File.ReadAllText(GeneratorHarness.SpecPath);

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.Driver(Spec).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.Preview)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} was {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Spec_edit_reruns_the_parse_and_regenerates_only_the_changed_type()
    {
        var result = RunAfterSpecEdit("description: A step of a job.", "description: One step of a job.");

        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Reason);
        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToArray();
        var modified = types.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((EmitUnit)o.Value).Type.Name).ToArray();
        Assert.Equal(new[] { "JobStep" }, modified);
        Assert.All(types.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("One step of a job."));
        Assert.All(result.TrackedSteps[TrackingNames.ClientGroups].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Operation_edit_regenerates_only_its_client_group()
    {
        var result = RunAfterSpecEdit("summary: Get a job for a workflow run", "summary: Get one job of a workflow run");

        var groups = result.TrackedSteps[TrackingNames.ClientGroups].SelectMany(s => s.Outputs).ToArray();
        var modified = groups.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((ClientGroupUnit)o.Value).Group.ClassName).ToArray();
        Assert.Equal(new[] { "WorkflowJobsOperations" }, modified);
        Assert.All(result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("Get one job of a workflow run"));
    }

    /// <summary>Runs the generator on the spec, replaces <paramref name="from"/> with <paramref name="to"/> in it, and runs it again.</summary>
    private static GeneratorRunResult RunAfterSpecEdit(string from, string to)
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        AdditionalText original = new GeneratorHarness.InMemoryAdditionalText("/specs/actions.yaml", Spec);
        var driver = GeneratorHarness.Driver(ImmutableArray.Create(original)).RunGenerators(compilation);

        var changed = Spec.Replace(from, to);
        Assert.NotEqual(Spec, changed);
        driver = driver.ReplaceAdditionalText(original, new GeneratorHarness.InMemoryAdditionalText("/specs/actions.yaml", changed));
        return driver.RunGenerators(compilation).GetRunResult().Results.Single();
    }

    [Fact]
    public void Two_parses_of_the_same_text_are_equal()
    {
        // Two real parses: SpecParser.Parse would hand back the memo's result, which is equal to itself.
        var settings = new GeneratorSettings("GitHub.Actions", "ActionsClient");
        var first = SpecParser.ParseText(new SpecFile("/a.yaml", Spec, null, null), settings);
        var second = SpecParser.ParseText(new SpecFile("/a.yaml", new string(Spec.ToCharArray()), null, null), settings);

        Assert.NotNull(first.Model);
        Assert.NotSame(first.Model, second.Model);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, SpecParser.ParseText(new SpecFile("/a.yaml", Spec.Replace("The id of the job.", "The job id."), null, null), settings));
    }

    [Fact]
    public void The_model_holds_no_Roslyn_OpenApi_or_YAML_objects()
    {
        var result = SpecParser.Parse(new SpecFile("/a.yaml", Spec, null, null), new GeneratorSettings("GitHub.Actions", "ActionsClient"));

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(result, seen, "result");
        Assert.True(seen.Count > 500, "the walk should visit the whole model");
    }

    private static void Walk(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var ns = value.GetType().Namespace ?? string.Empty;
        Assert.False(
            ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || ns.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) || ns.StartsWith("YamlDotNet", StringComparison.Ordinal) || ns.StartsWith("SharpYaml", StringComparison.Ordinal),
            $"{path} is a {value.GetType().FullName}");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, seen, $"{path}[{i++}]");
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), seen, path + "." + field.Name);
        }
    }
}
