namespace ActionsGen.Generator.Tests.Infrastructure;

/// <summary>
/// Tests that depend on or set state every generator run in this process shares (the parse memo, the fault hooks): xunit
/// runs this collection alone, after the parallel ones, so no other test evicts a memo entry or meets a hook mid-run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideState
{
    public const string Name = "Process-wide state";
}
