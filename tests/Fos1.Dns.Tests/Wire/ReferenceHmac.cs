using System.Security.Cryptography;
using Fos1.Dns.Tsig;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fos1.Dns.Tests.Wire;

/// <summary>HMACs computed in the test, apart from the code under test.</summary>
internal static class ReferenceHmac
{
    public static byte[] Compute(TsigAlgorithm algorithm, byte[] key, byte[] data)
    {
        switch (algorithm)
        {
#pragma warning disable CA5351, CA5350
            case TsigAlgorithm.HmacMd5: return HMACMD5.HashData(key, data);
            case TsigAlgorithm.HmacSha1: return HMACSHA1.HashData(key, data);
#pragma warning restore CA5351, CA5350
            case TsigAlgorithm.HmacSha256: return HMACSHA256.HashData(key, data);
            case TsigAlgorithm.HmacSha384: return HMACSHA384.HashData(key, data);
            case TsigAlgorithm.HmacSha512: return HMACSHA512.HashData(key, data);
            case TsigAlgorithm.HmacSha224:
                var hmac = new HMac(new Sha224Digest());
                hmac.Init(new KeyParameter(key));
                hmac.BlockUpdate(data, 0, data.Length);
                var mac = new byte[hmac.GetMacSize()];
                hmac.DoFinal(mac, 0);
                return mac;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm));
        }
    }
}
