using System.Text;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Tests.Tsig;

/// <summary>Test case 2 ("Jefe") of RFC 2202 (MD5, SHA-1) and RFC 4231 (SHA-2).</summary>
public sealed class TsigMacTests
{
    [Theory]
    [InlineData(TsigAlgorithm.HmacMd5, "750c783e6ab0b503eaa86e310a5db738")]
    [InlineData(TsigAlgorithm.HmacSha1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    [InlineData(TsigAlgorithm.HmacSha224, "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44")]
    [InlineData(TsigAlgorithm.HmacSha256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData(TsigAlgorithm.HmacSha384, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649")]
    [InlineData(TsigAlgorithm.HmacSha512, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    public void Each_algorithm_computes_the_published_test_vector(TsigAlgorithm algorithm, string expectedHex)
    {
        Span<byte> mac = stackalloc byte[TsigMac.MaxLength];

        var length = TsigMac.Compute(algorithm, "Jefe"u8, Encoding.ASCII.GetBytes("what do ya want for nothing?"), mac);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(mac[..length]));
        Assert.Equal(algorithm.MacLength(), length);
    }
}
