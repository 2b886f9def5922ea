using System;
using System.Security.Cryptography;
using System.Text;

namespace ActionsGen.Runtime.Sharing;

/// <summary>The names under which shared state is kept: a prefix per API root and identity, a short hash per URL.</summary>
internal static class SharedKeys
{
    /// <summary>
    /// <c>actionsgen:{hash of the API root and the identity}:</c>. The identity is the App and installation for a GitHub
    /// App, a hash of the token for a fixed token (two tokens may see different data), else "anonymous".
    /// </summary>
    public static string Prefix(Uri baseAddress, string identity) =>
        "actionsgen:" + Hash(baseAddress.AbsoluteUri + "\n" + identity) + ":";

    public static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12).ToLowerInvariant();

    public static string Response(Uri uri) => "etag:" + Hash(uri.AbsoluteUri);

    public const string RateWindow = "rate-window";

    public const string InstallationToken = "installation-token";

    public const string TokenLease = "installation-token-lease";
}
