namespace Fos1.Dns.Publishing.Answering;

/// <summary>The one question of a query, with the name spelled as the client spelled it.</summary>
public sealed record DnsQuestion(DnsName Name, ushort Type, ushort Class);
