using Fos1.Ddns;
using Fos1.Dns.Sending;

namespace Fos1.Dns.Dispatch;

/// <summary>A zone we update and its primaries, tried in order (D2's "ddns-domain").</summary>
public sealed record DdnsDomain(DnsName Zone, IReadOnlyList<DnsUpdateTarget> Servers);
