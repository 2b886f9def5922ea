using System;
using System.Threading;

namespace ActionsGen.Runtime.Auth;

/// <summary>One installation's token in an <see cref="ActionsClientState"/>: the current one, and the gate of its one refresh.</summary>
internal sealed class InstallationTokenSlot
{
    private (string Token, DateTimeOffset RefreshAt)? _current;

    public SemaphoreSlim Refresh { get; } = new(1, 1);

    public string? Fresh => _current is { } current && DateTimeOffset.UtcNow < current.RefreshAt ? current.Token : null;

    public void Set(string token, DateTimeOffset refreshAt) => _current = (token, refreshAt);
}
