using System.Net;

namespace Fos1.Testbed.Kea;

/// <summary>A D2 <c>ddns-domains</c> entry: the zone (e.g. "home.arpa." or "2.0.192.in-addr.arpa.") and its DNS servers.</summary>
public sealed record KeaDdnsDomain(string Name, IReadOnlyList<IPEndPoint> DnsServers);
