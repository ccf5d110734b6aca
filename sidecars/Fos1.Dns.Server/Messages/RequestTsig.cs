namespace Fos1.Dns.Server.Messages;

/// <summary>
/// The TSIG RR that ended a request (RFC 8945 section 4.2). <see cref="RecordOffset"/> is where the RR
/// starts in the message: the digest covers the octets before it.
/// </summary>
public sealed record RequestTsig(
    DnsName KeyName,
    DnsName Algorithm,
    uint Ttl,
    ulong TimeSigned,
    ushort Fudge,
    ReadOnlyMemory<byte> Mac,
    ushort OriginalId,
    ushort Error,
    ReadOnlyMemory<byte> OtherData,
    int RecordOffset);
