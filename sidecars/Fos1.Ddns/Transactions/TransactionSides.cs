namespace Fos1.Ddns.Transactions;

/// <summary>The zones a name change was matched to and where each side stands.</summary>
/// <param name="ForwardZone">The zone holding the FQDN; null when not requested or none matched.</param>
/// <param name="ReverseZone">The zone holding the reverse name; null when not requested or none matched.</param>
public sealed record TransactionSides(DnsName? ForwardZone, DnsName? ReverseZone, SideResult Forward, SideResult Reverse);
