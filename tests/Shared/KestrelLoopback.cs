using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionsGen.Testing;

/// <summary>A quiet Kestrel app on 127.0.0.1 with a port the OS picks: the test server, the sample's demo and the benchmarks' pages all start this way.</summary>
public static class KestrelLoopback
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }

    /// <summary>Starts the app and returns its root address, ending in '/'.</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
