using System.Diagnostics.CodeAnalysis;

namespace Fos1.Dns.Server.Messages;

/// <summary>
/// A parsed message, or why it is malformed (answer FORMERR). <see cref="Header"/> is there whenever
/// the message had at least 12 octets, so even a FORMERR can carry the request's id and opcode.
/// </summary>
public sealed record DnsParseResult(DnsHeader? Header, DnsMessage? Message, string? Error)
{
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Message is not null;

    internal static DnsParseResult Malformed(DnsHeader? header, string error) => new(header, null, error);
}
