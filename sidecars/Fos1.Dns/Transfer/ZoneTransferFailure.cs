namespace Fos1.Dns.Transfer;

/// <summary>Why a zone transfer failed (a metric label).</summary>
public enum ZoneTransferFailure
{
    Unreachable,
    Timeout,

    /// <summary>The server answered with an error RCODE (REFUSED, NOTAUTH...).</summary>
    Refused,

    /// <summary>The answer was not a well-formed AXFR stream.</summary>
    Malformed,

    /// <summary>A signed transfer came back unsigned, with a TSIG error, or with a MAC that does not verify.</summary>
    TsigNotVerified,

    /// <summary>The zone has more records than the configured limit.</summary>
    TooLarge,
}
