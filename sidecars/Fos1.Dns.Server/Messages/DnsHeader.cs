namespace Fos1.Dns.Server.Messages;

/// <summary>The fixed 12-octet header of a DNS message (RFC 1035 section 4.1.1).</summary>
public sealed record DnsHeader(
    ushort Id,
    ushort Flags,
    ushort QuestionCount,
    ushort AnswerCount,
    ushort AuthorityCount,
    ushort AdditionalCount)
{
    public const int Length = 12;

    public bool IsResponse => (Flags & 0x8000) != 0;

    public byte Opcode => (byte)((Flags >> 11) & 0x0F);

    public bool RecursionDesired => (Flags & 0x0100) != 0;
}
