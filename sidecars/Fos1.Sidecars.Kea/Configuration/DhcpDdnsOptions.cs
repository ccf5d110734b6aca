using Microsoft.Extensions.Configuration;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// The "DhcpDdns" section, shaped exactly like kea-dhcp-ddns.conf so an operator can point the
/// sidecar at the file D2 used (<c>Fos1:D2ConfigFile</c>) or copy its keys unchanged.
/// </summary>
public sealed class DhcpDdnsOptions
{
    public const string SectionName = "DhcpDdns";

    /// <summary>Address the NCR listener binds (Kea's dhcp-ddns "server-ip").</summary>
    [ConfigurationKeyName("ip-address")]
    public string IpAddress { get; set; } = "127.0.0.1";

    /// <summary>UDP port for NCRs (Kea's dhcp-ddns "server-port").</summary>
    [ConfigurationKeyName("port")]
    public int Port { get; set; } = 53001;

    /// <summary>Milliseconds to wait for a DNS server's answer before retrying.</summary>
    [ConfigurationKeyName("dns-server-timeout")]
    public int DnsServerTimeout { get; set; } = 500;

    [ConfigurationKeyName("ncr-protocol")]
    public string NcrProtocol { get; set; } = "UDP";

    [ConfigurationKeyName("ncr-format")]
    public string NcrFormat { get; set; } = "JSON";

    [ConfigurationKeyName("tsig-keys")]
    public List<TsigKeyOptions> TsigKeys { get; set; } = [];

    [ConfigurationKeyName("forward-ddns")]
    public DdnsDomainListOptions ForwardDdns { get; set; } = new();

    [ConfigurationKeyName("reverse-ddns")]
    public DdnsDomainListOptions ReverseDdns { get; set; } = new();
}

public sealed class DdnsDomainListOptions
{
    [ConfigurationKeyName("ddns-domains")]
    public List<DdnsDomainOptions> DdnsDomains { get; set; } = [];
}

public sealed class DdnsDomainOptions
{
    /// <summary>Zone name, e.g. "home.arpa." or "2.0.192.in-addr.arpa.".</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary>TSIG key for every server of this domain unless a server names its own.</summary>
    [ConfigurationKeyName("key-name")]
    public string? KeyName { get; set; }

    [ConfigurationKeyName("dns-servers")]
    public List<DnsServerOptions> DnsServers { get; set; } = [];
}

public sealed class DnsServerOptions
{
    [ConfigurationKeyName("ip-address")]
    public string IpAddress { get; set; } = "";

    [ConfigurationKeyName("port")]
    public int Port { get; set; } = 53;

    [ConfigurationKeyName("key-name")]
    public string? KeyName { get; set; }
}

public sealed class TsigKeyOptions
{
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary>HMAC-MD5, HMAC-SHA1, HMAC-SHA224, HMAC-SHA256, HMAC-SHA384 or HMAC-SHA512 (any case).</summary>
    [ConfigurationKeyName("algorithm")]
    public string Algorithm { get; set; } = "HMAC-SHA256";

    /// <summary>Base64 secret, as in D2 (or a file holding it: <see cref="SecretFile"/>).</summary>
    [ConfigurationKeyName("secret")]
    public string? Secret { get; set; }

    /// <summary>Path of a file holding the base64 secret (a mounted Kubernetes Secret); wins over "secret".</summary>
    [ConfigurationKeyName("secret-file")]
    public string? SecretFile { get; set; }
}
