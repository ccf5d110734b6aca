namespace Fos1.Dns.Transfer;

/// <summary>The TSIG RR closing one transfer message (RFC 8945 section 4.2), as the verifier needs it.</summary>
internal sealed record TransferTsig(
    int RecordOffset,
    byte[] Owner,
    byte[] Algorithm,
    uint Ttl,
    ulong TimeSigned,
    ushort Fudge,
    byte[] Mac,
    ushort OriginalId,
    ushort Error,
    byte[] OtherData);
