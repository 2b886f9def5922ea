using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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
    public void The_package_depends_only_on_the_shared_cache_abstraction()
    {
        using var package = ZipFile.OpenRead(fixture.Feed.Package);
        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();

        // IDistributedCache (ActionsClientOptions.SharedCache) is the one ecosystem interface the runtime takes on.
        Assert.Contains("<id>ActionsGen</id>", text);
        var dependencies = System.Text.RegularExpressions.Regex.Matches(text, "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(["Microsoft.Extensions.Caching.Abstractions"], dependencies);
    }

    [Fact]
    public void The_analyzer_assemblies_are_precompiled_and_keep_their_IL()
    {
        using var package = ZipFile.OpenRead(fixture.Feed.Package);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)))
        {
            using var pe = Open(entry);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, entry.FullName + " is not ReadyToRun");
            AssertKeepsIL(pe, entry.FullName);
        }
    }

    [Fact]
    public void The_runtime_is_packed_as_IL_and_precompiled_for_each_main_platform()
    {
        var platforms = PrecompiledPlatforms.Machines;
        using var package = ZipFile.OpenRead(fixture.Feed.Package);

        Assert.Equal(
            platforms.Keys.Select(rid => $"runtimes/{rid}/lib/net8.0/ActionsGen.Runtime.dll").Order(),
            package.Entries.Select(e => e.FullName).Where(e => e.StartsWith("runtimes/", StringComparison.Ordinal)).Order());
        using (var il = Open(package.GetEntry("lib/net8.0/ActionsGen.Runtime.dll")!))
        {
            Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        }

        foreach (var (rid, machine) in platforms)
        {
            var name = $"runtimes/{rid}/lib/net8.0/ActionsGen.Runtime.dll";
            using var pe = Open(package.GetEntry(name)!);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, name + " is not ReadyToRun");
            Assert.Equal(machine, pe.PEHeaders.CoffHeader.Machine);
            AssertKeepsIL(pe, name);
        }
    }

    private static PEReader Open(ZipArchiveEntry entry)
    {
        var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        return new PEReader(stream);
    }

    private static void AssertKeepsIL(PEReader pe, string name)
    {
        Assert.True(pe.HasMetadata, name + " lost its metadata");
        var metadata = pe.GetMetadataReader();
        var withBody = metadata.MethodDefinitions.Select(metadata.GetMethodDefinition).First(m => m.RelativeVirtualAddress != 0);
        Assert.True(pe.GetMethodBody(withBody.RelativeVirtualAddress).Size > 0, name + " lost its IL");
    }
}
