using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionsGen.Generator.Tests;

/// <summary>The DI registration is emitted exactly when the consumer references Microsoft.Extensions.Http, and it compiles.</summary>
public class DependencyInjectionTests
{
    private const string HintName = "GitHub.Actions.ActionsClientServiceCollectionExtensions.g.cs";

    private static readonly string Spec = File.ReadAllText(GeneratorHarness.SpecPath);

    private static readonly MetadataReference[] HttpClientFactory =
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Options.IOptionsMonitor<>).Assembly.Location),
    };

    [Fact]
    public void With_Microsoft_Extensions_Http_the_registration_is_emitted_registers_every_group_and_compiles()
    {
        var compilation = GeneratorHarness.Compilation(Usage).AddReferences(HttpClientFactory);

        var driver = GeneratorHarness.Driver(Spec).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var source = Assert.Single(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(HintName, StringComparison.Ordinal)).ToString();
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddActionsClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::ActionsGen.Runtime.ActionsClientOptions> configure)", source);
        Assert.Contains("ConfigurePrimaryHttpMessageHandler(builder, () => global::ActionsGen.Runtime.ActionsClientOptions.CreateHttpHandler())", source);

        // Every group the root client exposes (whatever the groups are named) is registered through its property.
        var client = output.GetTypeByMetadataName("GitHub.Actions.ActionsClient")!;
        var groups = client.GetMembers().OfType<IPropertySymbol>().Where(p => p.Type.TypeKind == TypeKind.Interface).ToArray();
        Assert.NotEmpty(groups);
        foreach (var group in groups)
        {
            Assert.Contains($"TryAddTransient<{group.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}>(services, provider => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::GitHub.Actions.ActionsClient>(provider).{group.Name});", source);
        }
    }

    [Fact]
    public void Without_Microsoft_Extensions_Http_nothing_is_emitted()
    {
        var (run, _, diagnostics) = GeneratorHarness.Generate(Spec);

        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains("ServiceCollectionExtensions", StringComparison.Ordinal));
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.EndsWith("GitHub.Actions.ActionsClient.g.cs", StringComparison.Ordinal));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_registration_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("class A { }").AddReferences(HttpClientFactory);
        var driver = GeneratorHarness.Driver(Spec).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.Preview)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[TrackingNames.DependencyInjection].SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.NotNull(outputs.Single().Value);
    }

    private const string Usage = """
        using GitHub.Actions;
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            public static IHttpClientBuilder Configure(IServiceCollection services) =>
                services.AddActionsClient(o => o.Token = "t");
        }
        """;
}
