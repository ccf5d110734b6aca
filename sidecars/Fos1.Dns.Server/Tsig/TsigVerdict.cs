using Fos1.Dns.Server.Messages;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Server.Tsig;

/// <summary>The TSIG error codes of RFC 8945 section 3 that a server produces.</summary>
public enum TsigError : ushort
{
    None = 0,
    BadSig = 16,
    BadKey = 17,
    BadTime = 18,
}

/// <summary>
/// How a request's TSIG checked out. <see cref="Key"/> is set when the key is known (also for
/// BADSIG/BADTIME); only <see cref="TsigError.None"/> makes the signer's key name count.
/// </summary>
public sealed record TsigVerdict(TsigError Error, TsigKey? Key, RequestTsig Tsig)
{
    public bool Verified => Error == TsigError.None && Key is not null;
}
