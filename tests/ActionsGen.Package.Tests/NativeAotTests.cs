using System.Runtime.InteropServices;
using ActionsGen.Package.Tests.Infrastructure;

namespace ActionsGen.Package.Tests;

/// <summary>A consumer published with Native AOT: no trim or AOT warning, and its calls work against a loopback server.</summary>
[Collection(PackageCollection.Name)]
public class NativeAotTests(PackageFixture fixture)
{
    [Fact]
    public async Task A_native_AOT_consumer_publishes_without_warnings_and_calls_the_API()
    {
        using var project = await ConsumerProject.CreateAsync(fixture.Feed, "AotConsumer");
        project.AddToProject("""
            <PropertyGroup>
              <PublishAot>true</PublishAot>
              <InvariantGlobalization>true</InvariantGlobalization>
            </PropertyGroup>
            """);
        project.WriteFile("Program.cs", AotPrograms.Consumer);
        await using var server = await ConsumerServer.StartAsync();

        var publish = await DotNetCli.RunAsync(project.Directory, new[] { "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", "publish", "--nologo" }, TimeSpan.FromMinutes(10));

        ConsumerProject.Require(publish, "dotnet publish -p:PublishAot=true");
        Assert.DoesNotMatch(@"warning (IL|CS|AOT)\d+", publish.Output);
        var binary = Path.Combine(project.Directory, "publish", "AotConsumer");
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        Assert.False(File.Exists(Path.Combine(project.Directory, "publish", "AotConsumer.dll")), "the publish output should be native, not IL");

        var run = await ProcessRunner.RunAsync(binary, server.BaseAddress.ToString());
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("job 399444496 build completed, 10 steps", run.Output);
        Assert.Contains("runs: 1", run.Output);
        Assert.Contains("round trip ok", run.Output);
    }
}
