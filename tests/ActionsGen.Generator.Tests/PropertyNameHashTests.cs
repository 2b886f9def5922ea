using System.Text;
using ActionsGen.Generator.Emitting;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Generator.Tests;

/// <summary>The generator bakes property-name hashes into the readers; the runtime computes them while reading: the same function.</summary>
public class PropertyNameHashTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("id")]
    [InlineData("url")]
    [InlineData("name")]
    [InlineData("run_id")]
    [InlineData("head_sha")]
    [InlineData("html_url9")]
    [InlineData("check_suite_node_id")]
    [InlineData("名前")]
    [InlineData("emoji😀_and_more_text")]
    public void Generator_and_runtime_agree(string name) =>
        Assert.Equal(JsonEmitter.PropertyNameHash(name), JsonRead.NameHash(Encoding.UTF8.GetBytes(name)));

    [Fact]
    public void The_names_of_the_spec_hash_apart_enough_to_be_worth_switching_on()
    {
        var names = File.ReadAllLines(GeneratorHarness.SpecPath)
            .Select(l => l.Trim())
            .Where(l => l.EndsWith(':') && !l.StartsWith('-') && !l.Contains(' ') && !l.StartsWith('/'))
            .Select(l => l.TrimEnd(':'))
            .Distinct()
            .ToArray();

        Assert.True(names.Length > 150);
        Assert.Equal(names.Length, names.Select(JsonEmitter.PropertyNameHash).Distinct().Count());
    }
}
