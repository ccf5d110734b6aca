namespace Fos1.Testbed.Kea;

/// <summary>One "Statistics for:" block of perfdhcp's report, e.g. DISCOVER-OFFER, REQUEST-ACK, SOLICIT-ADVERTISE, RELEASE.</summary>
public sealed record PerfdhcpExchange(string Name, long Sent, long Received, long Drops);
