using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fos1.Dns.Tsig;

/// <summary>One-shot HMAC over a TSIG digest input.</summary>
internal static class TsigMac
{
    public const int MaxLength = 64;

    /// <returns>The number of MAC octets written to <paramref name="destination"/>.</returns>
    public static int Compute(TsigAlgorithm algorithm, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        switch (algorithm)
        {
#pragma warning disable CA5351, CA5350 // HMAC-MD5/SHA1 are what the operator configured; RFC 8945 still permits them.
            case TsigAlgorithm.HmacMd5:
                return HMACMD5.HashData(secret, data, destination);
            case TsigAlgorithm.HmacSha1:
                return HMACSHA1.HashData(secret, data, destination);
#pragma warning restore CA5351, CA5350
            case TsigAlgorithm.HmacSha224:
                return Sha224(secret, data, destination);
            case TsigAlgorithm.HmacSha256:
                return HMACSHA256.HashData(secret, data, destination);
            case TsigAlgorithm.HmacSha384:
                return HMACSHA384.HashData(secret, data, destination);
            case TsigAlgorithm.HmacSha512:
                return HMACSHA512.HashData(secret, data, destination);
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
        }
    }

    // .NET has no SHA-224, so this one algorithm goes through BouncyCastle.
    private static int Sha224(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var hmac = new HMac(new Sha224Digest());
        hmac.Init(new KeyParameter(secret));
        hmac.BlockUpdate(data);
        return hmac.DoFinal(destination);
    }
}
