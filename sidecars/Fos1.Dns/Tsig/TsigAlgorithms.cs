using System.Diagnostics.CodeAnalysis;

namespace Fos1.Dns.Tsig;

/// <summary>Names and sizes of <see cref="TsigAlgorithm"/>: Kea's configuration names and the wire names.</summary>
public static class TsigAlgorithms
{
    /// <summary>
    /// Parses Kea D2's <c>algorithm</c> value ("HMAC-SHA256", any case). The wire names BIND uses
    /// ("hmac-sha256", "hmac-md5.sig-alg.reg.int") are accepted too, so keys can be copied from either.
    /// </summary>
    public static bool TryParse(string? name, out TsigAlgorithm algorithm, [NotNullWhen(false)] out string? error)
    {
        algorithm = default;
        error = null;
        switch (name?.Trim().ToUpperInvariant())
        {
            case "HMAC-MD5" or "HMAC-MD5.SIG-ALG.REG.INT" or "HMAC-MD5.SIG-ALG.REG.INT.":
                algorithm = TsigAlgorithm.HmacMd5;
                return true;
            case "HMAC-SHA1":
                algorithm = TsigAlgorithm.HmacSha1;
                return true;
            case "HMAC-SHA224":
                algorithm = TsigAlgorithm.HmacSha224;
                return true;
            case "HMAC-SHA256":
                algorithm = TsigAlgorithm.HmacSha256;
                return true;
            case "HMAC-SHA384":
                algorithm = TsigAlgorithm.HmacSha384;
                return true;
            case "HMAC-SHA512":
                algorithm = TsigAlgorithm.HmacSha512;
                return true;
            default:
                error = $"TSIG algorithm '{name}' is not supported; use one of HMAC-MD5, HMAC-SHA1, HMAC-SHA224, HMAC-SHA256, HMAC-SHA384, HMAC-SHA512";
                return false;
        }
    }

    public static TsigAlgorithm Parse(string name) =>
        TryParse(name, out var algorithm, out var error) ? algorithm : throw new FormatException(error);

    /// <summary>The spelling Kea D2 uses in its configuration.</summary>
    public static string KeaName(this TsigAlgorithm algorithm) => algorithm switch
    {
        TsigAlgorithm.HmacMd5 => "HMAC-MD5",
        TsigAlgorithm.HmacSha1 => "HMAC-SHA1",
        TsigAlgorithm.HmacSha224 => "HMAC-SHA224",
        TsigAlgorithm.HmacSha256 => "HMAC-SHA256",
        TsigAlgorithm.HmacSha384 => "HMAC-SHA384",
        TsigAlgorithm.HmacSha512 => "HMAC-SHA512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The algorithm name carried in the TSIG RR (RFC 8945 section 6).</summary>
    public static DnsName WireName(this TsigAlgorithm algorithm) => algorithm switch
    {
        TsigAlgorithm.HmacMd5 => DnsName.Parse("hmac-md5.sig-alg.reg.int"),
        _ => DnsName.Parse(algorithm.KeaName().ToLowerInvariant()),
    };

    /// <summary>Length of the untruncated MAC in octets.</summary>
    public static int MacLength(this TsigAlgorithm algorithm) => algorithm switch
    {
        TsigAlgorithm.HmacMd5 => 16,
        TsigAlgorithm.HmacSha1 => 20,
        TsigAlgorithm.HmacSha224 => 28,
        TsigAlgorithm.HmacSha256 => 32,
        TsigAlgorithm.HmacSha384 => 48,
        TsigAlgorithm.HmacSha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };
}
