namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>
/// Tests that measure the process (allocated bytes, heap size) or depend on tight timings: run alone, after the
/// parallel ones, so other tests' allocations and CPU do not leak into their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Isolated
{
    public const string Name = "isolated";
}
