using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// GitHub's delivery signature: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw body (as sent,
/// form-encoded or JSON) keyed with the webhook's secret, compared in constant time. The SHA-1 header
/// (<c>X-Hub-Signature</c>) is never accepted.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int HashBytes = 32;

    /// <summary>The header value GitHub sends for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> hash = stackalloc byte[HashBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return Prefix + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="signature"/> (the header's value) is <paramref name="body"/> signed with one of <paramref name="secrets"/> (several during a rotation).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? signature, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        Span<byte> expected = stackalloc byte[HashBytes];
        if (!TryParse(signature, expected))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="signature"/> is <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? signature, string secret) => Verify(body, signature, new[] { secret });

    private static bool TryParse(string? signature, Span<byte> hash)
    {
        var value = signature.AsSpan().Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || value.Length != Prefix.Length + (HashBytes * 2))
        {
            return false;
        }

        var hex = value[Prefix.Length..];
        for (var i = 0; i < HashBytes; i++)
        {
            var high = Nibble(hex[2 * i]);
            var low = Nibble(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            hash[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
