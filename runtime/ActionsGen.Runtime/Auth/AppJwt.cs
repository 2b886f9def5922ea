using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Auth;

/// <summary>The JSON Web Token a GitHub App signs to ask for installation tokens: RS256, <c>iss</c> = the app id.</summary>
internal static class AppJwt
{
    /// <summary>Backdated against clock drift, as GitHub advises.</summary>
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    /// <summary>GitHub refuses an <c>exp</c> more than 10 minutes ahead: <c>exp</c> = <c>iat</c> + 10 min = now + 9 min.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");

    public static string Create(RSA key, long appId, DateTimeOffset now)
    {
        var issuedAt = now - Backdate;
        var payload = new ArrayBufferWriter<byte>(96);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteNumber("iat"u8, issuedAt.ToUnixTimeSeconds());
            writer.WriteNumber("exp"u8, (issuedAt + Lifetime).ToUnixTimeSeconds());
            writer.WriteString("iss"u8, appId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        var signingInput = Base64Url(Header) + "." + Base64Url(payload.WrittenSpan);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
