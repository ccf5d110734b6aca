using System.Net;
using Fos1.Ddns;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Fos1.Dns.Tsig;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>Turns validated D2-shaped options into the zones, servers and keys the dispatcher uses.</summary>
public static class DdnsRoutingFactory
{
    public static DdnsRouting Create(DhcpDdnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = options.TsigKeys.ToDictionary(k => k.Name, ToKey, StringComparer.OrdinalIgnoreCase);
        return new DdnsRouting(
            options.ForwardDdns.DdnsDomains.Select(d => ToDomain(d, keys)),
            options.ReverseDdns.DdnsDomains.Select(d => ToDomain(d, keys)));
    }

    private static DdnsDomain ToDomain(DdnsDomainOptions domain, Dictionary<string, TsigKey> keys) =>
        new(DnsName.Parse(domain.Name),
            domain.DnsServers
                .Select(s => new DnsUpdateTarget(
                    new IPEndPoint(IPAddress.Parse(s.IpAddress), s.Port),
                    (s.KeyName ?? domain.KeyName) is { Length: > 0 } keyName ? keys[keyName] : null))
                .ToList());

    private static TsigKey ToKey(TsigKeyOptions key)
    {
        var secret = key.SecretFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : key.Secret!;
        return TsigKey.FromKea(key.Name, key.Algorithm, secret);
    }
}
