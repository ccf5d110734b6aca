namespace Fos1.Dns.Sending;

public enum UpdateFailureKind
{
    /// <summary>No response within the timeout (the update may or may not have been applied).</summary>
    Timeout,

    /// <summary>Sending or receiving failed at the socket level (unreachable, refused, reset).</summary>
    NetworkError,

    /// <summary>The response to a signed update was unsigned, signed by another key, or its MAC did not verify.</summary>
    TsigNotVerified,

    /// <summary>The server could not verify our MAC (TSIG error BADSIG): wrong secret. Not applied.</summary>
    BadSig,

    /// <summary>The server does not know our key name/algorithm (TSIG error BADKEY). Not applied.</summary>
    BadKey,

    /// <summary>Clocks differ by more than the fudge (TSIG error BADTIME, or the response's time is off). Not applied.</summary>
    BadTime,

    /// <summary>The response could not be parsed or is not an UPDATE response.</summary>
    MalformedResponse,

    /// <summary>The response carries another transaction id than the request.</summary>
    IdMismatch,
}
