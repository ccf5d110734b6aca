namespace Fos1.Dns.Server.Messages;

/// <summary>A question (QUERY) or zone section entry (UPDATE, RFC 2136 section 2.3): same layout.</summary>
public sealed record DnsQuestion(DnsName Name, ushort Type, ushort Class);
