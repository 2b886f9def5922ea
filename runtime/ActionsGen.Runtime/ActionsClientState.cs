using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Threading;
using ActionsGen.Runtime.Auth;
using ActionsGen.Runtime.Http;
using Microsoft.Extensions.Caching.Distributed;

namespace ActionsGen.Runtime;

/// <summary>
/// What the clients built from one set of options share while they run: the rate-limit window, the write gate, the
/// conditional-request cache and GitHub App installation tokens. It lives apart from <see cref="ActionsClientOptions"/>
/// so that options reloaded from configuration (a new options object) keep it: the generated
/// <c>services.Add{Client}</c> gives every options object of a registration the same state, and a hand-made client
/// can pass one on with <see cref="ActionsClientOptions.State"/>.
/// </summary>
public sealed class ActionsClientState
{
    private readonly ConcurrentDictionary<string, InstallationTokenSlot> _tokens = new(StringComparer.Ordinal);
    private ConditionalRequestCache? _conditionalCache;

    internal RateGovernor RateGovernor { get; } = new();

    internal WriteGate WriteGate { get; } = new();

    /// <summary>The conditional-request cache, made on first use with the first options that ask for it.</summary>
    internal ConditionalRequestCache ConditionalCache(ActionsClientOptions options) =>
        LazyInitializer.EnsureInitialized(ref _conditionalCache, () => new ConditionalRequestCache(Math.Max(1, options.ConditionalRequestCacheSize), options.SharedStore, options.SharedCacheMaxBodyBytes, options.SharedCacheLifetime))!;

    /// <summary>The token slot of one App installation at one API root.</summary>
    internal InstallationTokenSlot Tokens(string key) => _tokens.GetOrAdd(key, _ => new InstallationTokenSlot());

    /// <summary>
    /// Gives <paramref name="options"/> this state and, unless they name one, the <see cref="IDistributedCache"/> that
    /// <paramref name="services"/> holds as their <see cref="ActionsClientOptions.SharedCache"/>. Called by the generated
    /// <c>services.Add{Client}</c> for each options object of its registration.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Attach(ActionsClientOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        options.State = this;
        options.SharedCache ??= services.GetService(typeof(IDistributedCache)) as IDistributedCache;
    }

    /// <summary>Describes the state without its contents.</summary>
    public override string ToString() => "ActionsClientState" + (RateGovernor.ClosedUntil is { } until ? " (rate limited until " + until.ToString("O") + ")" : string.Empty);
}
