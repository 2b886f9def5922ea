using System.IO.Compression;
using ActionsGen.Package.Tests.Infrastructure;

namespace ActionsGen.Package.Tests;

/// <summary>The .nupkg holds what a consumer needs and nothing it must not: opened and checked entry by entry.</summary>
[Collection(PackageCollection.Name)]
public class PackageLayoutTests(PackageFixture fixture)
{
    [Fact]
    public void The_package_carries_the_generator_with_every_assembly_it_loads_and_nothing_else_as_analyzers()
    {
        using var package = ZipFile.OpenRead(fixture.Feed.Package);
        var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)).Select(e => e.FullName).Order().ToArray();

        Assert.Equal(
            new[]
            {
                "analyzers/dotnet/cs/ActionsGen.Generator.dll",
                "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
                "analyzers/dotnet/cs/Microsoft.OpenApi.Readers.dll",
                "analyzers/dotnet/cs/SharpYaml.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
            },
            analyzers);
    }

    [Fact]
    public void The_package_carries_the_runtime_build_files_the_spec_and_a_readme()
    {
        using var package = ZipFile.OpenRead(fixture.Feed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net8.0/ActionsGen.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/ActionsGen.Runtime.xml", entries);
        Assert.Contains("build/ActionsGen.props", entries);
        Assert.Contains("build/ActionsGen.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("spec/actions.yaml", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));

        using var spec = new StreamReader(package.GetEntry("spec/actions.yaml")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(DotNetCli.RepositoryRoot(), "spec", "actions.yaml")), spec.ReadToEnd());
    }

    [Fact]
    public void The_package_has_no_NuGet_dependencies_a_consumer_would_have_to_resolve()
    {
        using var package = ZipFile.OpenRead(fixture.Feed.Package);
        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();

        Assert.Contains("<id>ActionsGen</id>", text);
        Assert.DoesNotContain("<dependency ", text);
    }

    [Fact]
    public void The_analyzer_assemblies_are_precompiled_and_keep_their_IL()
    {
        using var package = ZipFile.OpenRead(fixture.Feed.Package);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)))
        {
            using var stream = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, entry.FullName + " is not ReadyToRun");
            Assert.True(pe.HasMetadata, entry.FullName + " lost its metadata");
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var withBody = metadata.MethodDefinitions.Select(metadata.GetMethodDefinition).First(m => m.RelativeVirtualAddress != 0);
            Assert.True(System.Reflection.Metadata.PEReaderExtensions.GetMethodBody(pe, withBody.RelativeVirtualAddress).Size > 0, entry.FullName + " lost its IL");
        }
    }
}
