using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ActionsGen.Runtime.Sharing;

/// <summary>
/// An installation token as it is kept in a shared store: AES-256-GCM under a key derived (HKDF-SHA256) from the App's
/// private key, which every replica holds and the store does not; the installation and API root are bound in as
/// associated data, so an entry cannot be replayed under another name. What the store holds is nonce, tag and ciphertext.
/// </summary>
internal sealed class SealedToken : IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly AesGcm _aes;
    private readonly byte[] _associated;

    public SealedToken(RSA appKey, string binding)
    {
        var secret = SHA256.HashData(appKey.ExportPkcs8PrivateKey());
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: null, info: Encoding.UTF8.GetBytes("actionsgen installation token v1"));
        CryptographicOperations.ZeroMemory(secret);
        _aes = new AesGcm(key, TagSize);
        CryptographicOperations.ZeroMemory(key);
        _associated = Encoding.UTF8.GetBytes(binding);
    }

    public byte[] Seal(string token, DateTimeOffset refreshAt)
    {
        var plain = new byte[8 + Encoding.UTF8.GetByteCount(token)];
        BinaryPrimitives.WriteInt64LittleEndian(plain, refreshAt.UtcTicks);
        Encoding.UTF8.GetBytes(token, plain.AsSpan(8));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), _associated);
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>The token and when to refresh it, or null for an entry that does not open (another key, tampered, truncated).</summary>
    public (string Token, DateTimeOffset RefreshAt)? Open(byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize + 8)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            _aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, _associated);
            return (Encoding.UTF8.GetString(plain, 8, plain.Length - 8), new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(plain), TimeSpan.Zero));
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Dispose() => _aes.Dispose();
}
