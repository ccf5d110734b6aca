namespace Fos1.Dns.Tsig;

/// <summary>The TSIG MAC algorithms Kea D2 offers (RFC 8945 section 6), all usable here.</summary>
public enum TsigAlgorithm
{
    HmacMd5,
    HmacSha1,
    HmacSha224,
    HmacSha256,
    HmacSha384,
    HmacSha512,
}
