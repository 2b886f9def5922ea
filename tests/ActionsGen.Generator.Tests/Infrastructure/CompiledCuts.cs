using System.Collections.Concurrent;
using System.Reflection;
using ActionsGen.Testing;

namespace ActionsGen.Generator.Tests.Infrastructure;

/// <summary>The cuts of GitHub's description under tests/Fixtures/github, generated, compiled and loaded once per test run.</summary>
internal static class CompiledCuts
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new();

    /// <summary>The assembly generated from <paramref name="fixture"/> with every model's writer (not only request bodies').</summary>
    public static Assembly Load(string fixture) => Loaded.GetOrAdd(fixture, f => new Lazy<Assembly>(() => Compile(f))).Value;

    private static Assembly Compile(string fixture)
    {
        var writers = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenWriters"] = "all" };
        var (_, compilation, compile) = GeneratorHarness.Generate(File.ReadAllText(OctokitDescriptions.FixturePath(fixture)), writers, "/specs/" + fixture);
        if (!compile.IsEmpty)
        {
            throw new InvalidOperationException(fixture + " does not compile clean: " + string.Join(Environment.NewLine, compile));
        }

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(fixture + " does not emit: " + string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        return Assembly.Load(image.ToArray());
    }
}
