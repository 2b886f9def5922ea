using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionsGen.Benchmarks;

/// <summary>
/// A loopback API with <see cref="PageCount"/> pages of 100 workflow runs under <c>/api/v3/repos/octo-org/octo-repo/actions/runs</c>
/// (the Enterprise Server root, which is where Octokit.net sends requests for a non-github.com host), with GitHub's
/// <c>Link</c> headers. It runs in a child process (<c>serve-pages</c>) so its allocations and CPU stay out of the
/// measured process.
/// </summary>
internal static class PagesServer
{
    public const int PageCount = 20;
    public const int PerPage = 100;
    public const string ListPath = "api/v3/repos/octo-org/octo-repo/actions/runs";

    /// <summary>The child: serves until its standard input closes.</summary>
    public static async Task<int> RunAsync()
    {
        var pages = Enumerable.Range(1, PageCount)
            .Select(page => Encoding.UTF8.GetBytes(Payload.BuildRunsPage(PerPage, (page - 1) * PerPage, PageCount * PerPage)))
            .ToArray();
        var app = ActionsGen.Testing.KestrelLoopback.Create();
        string root = string.Empty;
        app.MapGet("/" + ListPath, async context =>
        {
            var page = int.TryParse(context.Request.Query["page"], out var p) && p is >= 1 and <= PageCount ? p : 1;
            if (page < PageCount)
            {
                context.Response.Headers["Link"] = $"<{root}{ListPath}?per_page={PerPage}&page={page + 1}>; rel=\"next\", <{root}{ListPath}?per_page={PerPage}&page={PageCount}>; rel=\"last\"";
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = pages[page - 1].Length;
            await context.Response.Body.WriteAsync(pages[page - 1]);
        });
        var job = Encoding.UTF8.GetBytes(ActionsGen.Testing.SpecExamples.Get("actions/get-job-for-workflow-run 200"));
        app.MapGet("/api/v3/repos/octo-org/octo-repo/actions/jobs/{id:long}", async context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = job.Length;
            await context.Response.Body.WriteAsync(job);
        });
        root = (await ActionsGen.Testing.KestrelLoopback.StartAsync(app)).ToString();
        Console.WriteLine(root);
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    /// <summary>Starts the child and returns it with the address it listens on.</summary>
    public static (Process Process, Uri Root) Start()
    {
        var start = SelfProcess.StartInfo("serve-pages");
        start.RedirectStandardInput = true;
        var process = Process.Start(start)!;
        var root = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the pages server did not start");
        return (process, new Uri(root));
    }

    public static void Stop(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }

        process.Dispose();
    }
}
