using System;

namespace ActionsGen.Runtime.Http;

/// <summary>Scheme, host and port: the unit the token is confined to.</summary>
internal static class Origin
{
    public static bool Same(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
