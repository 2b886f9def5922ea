namespace ActionsGen.Package.Tests.Infrastructure;

/// <summary>Packs ActionsGen once for every test of the collection.</summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public PackageFeed Feed { get; private set; } = null!;

    public async Task InitializeAsync() => Feed = await PackageFeed.PackAsync();

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Feed.Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
