using System.Text.RegularExpressions;
using ActionsGen.Package.Tests.Infrastructure;

namespace ActionsGen.Package.Tests;

/// <summary>
/// <c>ActionsGenClientAssembly=true</c>: the generated client is compiled into an assembly of its own once per spec
/// change and referenced, so a C# edit compiles the project's code alone; the spec's edits, breaks and the calls made
/// still work as with the generator in the project's own compile.
/// </summary>
[Collection(PackageCollection.Name)]
public class ClientAssemblyTests(PackageFixture fixture)
{
    [Fact]
    public async Task An_application_compiles_its_client_once_per_spec_change_and_a_csharp_edit_reuses_it()
    {
        // An application: the client assembly is its default.
        using var project = await ConsumerProject.CreateAsync(fixture.Feed, "Separate");
        project.WriteFile("actions.yaml", ConsumerTests.Spec);
        project.AddToProject("""<ItemGroup><ActionsGenSpec Include="actions.yaml" /></ItemGroup>""");
        project.WriteFile("Program.cs", ConsumerTests.ProgramUsingHeadSha + """

            Console.WriteLine("client in " + typeof(GitHub.Actions.Job).Assembly.GetName().Name);
            """);
        await using var server = await ConsumerServer.StartAsync();
        var client = Path.Combine(project.Directory, "obj", "Release", "net10.0", "actionsgen", "Separate.ActionsGen.dll");

        ConsumerProject.Require(await project.BuildAsync(), "the first build");
        var run = await project.RunAsync(server.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("job 399444496 build completed sha f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0", run.Output);
        Assert.Contains("client in Separate.ActionsGen", run.Output);
        Assert.True(File.Exists(client), client);
        var compiled = File.GetLastWriteTimeUtc(client);

        // A C# edit: the client is not compiled again (nor is the generator run in the project's compile).
        project.WriteFile("Program.cs", ConsumerTests.ProgramUsingHeadSha + """

            Console.WriteLine("edited, client in " + typeof(GitHub.Actions.Job).Assembly.GetName().Name);
            """);
        var edit = await project.BuildAsync("-v:n");
        ConsumerProject.Require(edit, "the build after a C# edit");
        Assert.Contains("Skipping target \"_ActionsGenCompileClient\"", edit.Output);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(client));
        run = await project.RunAsync(server.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("edited, client in Separate.ActionsGen", run.Output);

        // A setting no file's timestamp shows (here on the command line) compiles it again.
        ConsumerProject.Require(await project.BuildAsync("-p:LangVersion=13"), "the build with another language version");
        Assert.NotEqual(compiled, File.GetLastWriteTimeUtc(client));
        compiled = File.GetLastWriteTimeUtc(client);

        // A spec edit: compiled again, with the renamed member and the new operation.
        project.WriteFile("actions.yaml", ConsumerTests.Edited(ConsumerTests.Spec));
        project.WriteFile("Program.cs", ConsumerTests.ProgramAfterEdit);
        await using var renamedServer = await ConsumerServer.StartAsync(job => job.Replace("\"head_sha\"", "\"head_commit_sha\"", StringComparison.Ordinal));
        ConsumerProject.Require(await project.BuildAsync(), "the build after the spec edit");
        Assert.NotEqual(compiled, File.GetLastWriteTimeUtc(client));
        run = await project.RunAsync(renamedServer.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("sha f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0", run.Output);
        Assert.Contains("ping ok", run.Output);

        // A broken spec is the same diagnostic at the same place, and fails the build.
        project.WriteFile("actions.yaml", ConsumerTests.Spec.Replace("openapi: 3.0.3", "openapi: [3.0.3", StringComparison.Ordinal));
        var failed = await project.BuildAsync();
        Assert.False(failed.Succeeded);
        Assert.Matches(@"actions\.yaml\(\d+,\d+\): error ACTG001: ", failed.Output);

        // An IDE's design-time build compiles nothing: it does not compile the client, keeps the generator among the
        // analyzers it hands the IDE, and succeeds with the broken spec (the IDE shows the diagnostic from the generator).
        File.Delete(client);
        var designTime = await DotNetCli.RunAsync(project.Directory, ["msbuild", "-t:Compile", "-p:Configuration=Release", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-getItem:CscCommandLineArgs"]);
        ConsumerProject.Require(designTime, "the design-time build with a broken spec");
        Assert.Matches(@"""/analyzer:[^""]*ActionsGen\.Generator\.dll""", designTime.Output);
        Assert.Matches(@"""/additionalfile:[^""]*actions\.yaml""", designTime.Output);
        Assert.False(File.Exists(client), "a design-time build compiled the client");

        // Reverted: green, and the output folder holds the client beside the program.
        project.WriteFile("actions.yaml", ConsumerTests.Spec);
        project.WriteFile("Program.cs", ConsumerTests.ProgramUsingHeadSha);
        ConsumerProject.Require(await project.BuildAsync(), "the build after reverting");
        run = await project.RunAsync(server.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
        Assert.Matches(new Regex("job 399444496 build completed"), run.Output);
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Release", "net10.0", "Separate.ActionsGen.dll")));
    }

    [Fact]
    public async Task A_web_app_gets_the_webhook_receiver_from_the_client_assembly()
    {
        // The client's compile sees the project's references (ASP.NET Core here), so the receiver is generated into it;
        // the web SDK's application-part discovery reads the reference's metadata.
        using var project = await ConsumerProject.CreateAsync(fixture.Feed, "SeparateWeb", template: "web");
        project.AddToProject("<PropertyGroup><ActionsGenClientAssembly>true</ActionsGenClientAssembly></PropertyGroup>");
        project.WriteFile("Program.cs", """
            using GitHub.Actions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddActionsWebhookHandler<Handler>();
            var app = builder.Build();
            app.MapActionsWebhooks("/github/webhooks", "secret");
            Console.WriteLine("receiver from " + typeof(ActionsWebhookHandler).Assembly.GetName().Name);

            sealed class Handler : ActionsWebhookHandler;
            """);

        var build = await project.BuildAsync();
        ConsumerProject.Require(build, "the web app's build");
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Release", "net10.0", "SeparateWeb.ActionsGen.dll")));
        var run = await project.RunAsync();
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("receiver from SeparateWeb.ActionsGen", run.Output);
    }

    [Fact]
    public async Task A_referencing_project_compiles_against_the_client_and_publish_without_build_carries_it()
    {
        // An application with the knob and a project referencing it (as a test project references what it tests): the
        // client is returned beside the application's assembly, so the referencing project's code sees the generated
        // types; a publish without a build copies the client of the last build.
        using var app = await ConsumerProject.CreateAsync(fixture.Feed, "SeparateApp");
        app.AddToProject("<PropertyGroup><ActionsGenClientAssembly>true</ActionsGenClientAssembly></PropertyGroup>");
        app.WriteFile("Program.cs", ConsumerTests.ProgramUsingHeadSha + """

            public static class Jobs
            {
                public static GitHub.Actions.Job Read(string json) => ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<GitHub.Actions.Job>(System.Text.Encoding.UTF8.GetBytes(json));
            }
            """);
        using var referencing = await ConsumerProject.CreateAsync(fixture.Feed, "SeparateAppTests", addPackage: false);
        referencing.AddToProject($"""<ItemGroup><ProjectReference Include="{app.ProjectFile}" /></ItemGroup>""");
        referencing.WriteFile("Program.cs", """
            using GitHub.Actions;

            Job job = Jobs.Read(Json);
            Console.WriteLine($"read {job.Name} {job.Status == JobStatus.Completed} from {typeof(Job).Assembly.GetName().Name}");

            partial class Program
            {
                const string Json = "{\"id\":1,\"run_id\":2,\"run_url\":\"u\",\"node_id\":\"n\",\"head_sha\":\"s\",\"url\":\"u\",\"status\":\"completed\",\"created_at\":\"2020-01-20T17:42:40Z\",\"started_at\":\"2020-01-20T17:42:40Z\",\"name\":\"build\",\"check_run_url\":\"c\",\"labels\":[]}";
            }
            """);

        ConsumerProject.Require(await referencing.BuildAsync(), "the referencing project's build");
        var run = await referencing.RunAsync();
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("read build True from SeparateApp.ActionsGen", run.Output);

        // A test project generating its own client over the same namespace (the simulator here), with the knob too:
        // its own types keep the global namespace, the application's client is reached through an extern alias.
        using var simulated = await ConsumerProject.CreateAsync(fixture.Feed, "SeparateAppSimulated");
        simulated.AddToProject($"""
            <PropertyGroup><ActionsGenClientAssembly>true</ActionsGenClientAssembly><ActionsGenSimulator>true</ActionsGenSimulator></PropertyGroup>
            <ItemGroup><ProjectReference Include="{app.ProjectFile}" /></ItemGroup>
            """);
        simulated.WriteFile("Program.cs", """
            extern alias SeparateApp_ActionsGen;
            using GitHub.Actions;

            SeparateApp_ActionsGen::GitHub.Actions.Job job = Jobs.Read("{\"id\":1,\"run_id\":2,\"run_url\":\"u\",\"node_id\":\"n\",\"head_sha\":\"s\",\"url\":\"u\",\"status\":\"queued\",\"created_at\":\"2020-01-20T17:42:40Z\",\"started_at\":\"2020-01-20T17:42:40Z\",\"name\":\"b\",\"check_run_url\":\"c\",\"labels\":[]}");
            Console.WriteLine($"own {typeof(Job).Assembly.GetName().Name} with {nameof(ActionsSimulator)}, app's {job.GetType().Assembly.GetName().Name} {job.Name}");
            """);
        var simulatedBuild = await simulated.BuildAsync();
        ConsumerProject.Require(simulatedBuild, "the build of a project with its own client referencing the application");
        Assert.DoesNotContain("CS0436", simulatedBuild.Output);
        run = await simulated.RunAsync();
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("own SeparateAppSimulated.ActionsGen with ActionsSimulator, app's SeparateApp.ActionsGen b", run.Output);

        // In a namespace of its own, the application's client is left as it is: both are reached by name.
        simulated.AddToProject("<PropertyGroup><ActionsGenNamespace>Sim.GitHub</ActionsGenNamespace></PropertyGroup>");
        simulated.WriteFile("Program.cs", """
            GitHub.Actions.Job job = Jobs.Read("{\"id\":1,\"run_id\":2,\"run_url\":\"u\",\"node_id\":\"n\",\"head_sha\":\"s\",\"url\":\"u\",\"status\":\"queued\",\"created_at\":\"2020-01-20T17:42:40Z\",\"started_at\":\"2020-01-20T17:42:40Z\",\"name\":\"c\",\"check_run_url\":\"c\",\"labels\":[]}");
            Console.WriteLine($"own {typeof(Sim.GitHub.Job).Assembly.GetName().Name}, app's {job.GetType().Assembly.GetName().Name} {job.Name}");
            """);
        ConsumerProject.Require(await simulated.BuildAsync(), "the build of a project with its own client in another namespace");
        run = await simulated.RunAsync();
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("own SeparateAppSimulated.ActionsGen, app's SeparateApp.ActionsGen c", run.Output);

        var published = Path.Combine(app.Directory, "published");
        ConsumerProject.Require(await DotNetCli.RunAsync(app.Directory, ["publish", "-c", "Release", "--no-build", "-o", published]), "publish --no-build");
        Assert.True(File.Exists(Path.Combine(published, "SeparateApp.ActionsGen.dll")), "the client is not in the publish folder");
        await using var server = await ConsumerServer.StartAsync();
        var publishedRun = await DotNetCli.RunAsync(published, ["SeparateApp.dll", server.BaseAddress.ToString()]);
        Assert.True(publishedRun.Succeeded, publishedRun.Output);
        Assert.Contains("job 399444496 build completed", publishedRun.Output);
    }

    [Fact]
    public async Task A_declaration_extending_a_generated_type_names_the_setting_and_a_library_and_its_tests_keep_their_generated_code()
    {
        // An application declaring a partial of a generated type: ACTG040 at the declaration, beside the compiler's own
        // errors (a generator reports whatever else fails); with the setting off the partial extends the type.
        using var app = await ConsumerProject.CreateAsync(fixture.Feed, "Extending");
        app.WriteFile("Program.cs", """
            using GitHub.Actions;

            var job = ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<Job>("{\"id\":7,\"run_id\":2,\"run_url\":\"u\",\"node_id\":\"n\",\"head_sha\":\"s\",\"url\":\"u\",\"status\":\"completed\",\"created_at\":\"2020-01-20T17:42:40Z\",\"started_at\":\"2020-01-20T17:42:40Z\",\"name\":\"build\",\"check_run_url\":\"c\",\"labels\":[]}"u8);
            Console.WriteLine(job.Describe() + " in " + typeof(Job).Assembly.GetName().Name);

            namespace GitHub.Actions
            {
                public partial class Job
                {
                    public string Describe() => Name + " #" + Id;
                }
            }
            """);
        var failed = await app.BuildAsync();
        Assert.False(failed.Succeeded);
        Assert.Matches(@"Program\.cs\(8,26\): error ACTG040: 'GitHub\.Actions\.Job' is generated into the client assembly 'Extending\.ActionsGen' .*<ActionsGenClientAssembly>false</ActionsGenClientAssembly>", failed.Output);

        app.AddToProject("<PropertyGroup><ActionsGenClientAssembly>false</ActionsGenClientAssembly></PropertyGroup>");
        ConsumerProject.Require(await app.BuildAsync(), "the build with the client assembly off");
        var run = await app.RunAsync();
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("build #7 in Extending\n", run.Output.ReplaceLineEndings("\n"));

        // A class library keeps the generated code in its own assembly (the one dotnet pack ships).
        using var library = await ConsumerProject.CreateAsync(fixture.Feed, "ExtendingLibrary", template: "classlib");
        library.WriteFile("Class1.cs", """
            namespace GitHub.Actions;

            public partial class Job
            {
                public string Describe() => Name + " #" + Id;
            }
            """);
        ConsumerProject.Require(await library.BuildAsync(), "the class library's build");
        Assert.False(Directory.Exists(Path.Combine(library.Directory, "obj", "Release", "net10.0", "actionsgen")));

        // A test project with the simulator over the same namespace, referencing the library: its own generated code
        // stays in its own compile and wins (a client assembly would meet the library's types: CS0433 on every use).
        using var tests = await ConsumerProject.CreateAsync(fixture.Feed, "ExtendingLibraryTests");
        tests.AddToProject($"""
            <PropertyGroup><ActionsGenSimulator>true</ActionsGenSimulator></PropertyGroup>
            <ItemGroup><ProjectReference Include="{library.ProjectFile}" /></ItemGroup>
            """);
        tests.WriteFile("Program.cs", """
            using GitHub.Actions;

            Console.WriteLine($"{typeof(Job).Assembly.GetName().Name} {typeof(ActionsSimulator).Assembly.GetName().Name}");
            """);
        var testsBuild = await tests.BuildAsync("-v:n");
        ConsumerProject.Require(testsBuild, "the build of a project generating the library's namespace");
        Assert.Contains("ExtendingLibraryTests generates GitHub.Actions, which a referenced project also holds", testsBuild.Output);
        run = await tests.RunAsync();
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("ExtendingLibraryTests ExtendingLibraryTests", run.Output);
    }
}
