using System.Net;
using System.Text.Json.Nodes;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Kea;

/// <summary>How to start Kea's DHCP-DDNS server (D2), the reference our kea sidecar is compared with.</summary>
public sealed record KeaDdnsOptions
{
    /// <summary>The TSIG key D2 signs every update with.</summary>
    public required TsigKey Key { get; init; }

    public IReadOnlyList<KeaDdnsDomain> ForwardDomains { get; init; } = [];

    public IReadOnlyList<KeaDdnsDomain> ReverseDomains { get; init; } = [];

    /// <summary>Where D2 receives NCRs (<c>ip-address</c>); a free port on it is picked unless <see cref="Port"/> is set.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    public int? Port { get; init; }

    /// <summary>Start D2 inside this namespace (e.g. a lab's server namespace, beside Kea); root namespace when null.</summary>
    public NetworkNamespace? Namespace { get; init; }

    /// <summary>Also open a unix control socket (<see cref="KeaDdnsServer.ControlSocket"/>).</summary>
    public bool WithControlSocket { get; init; } = true;

    /// <summary>Last word on the generated config (the object inside "DhcpDdns").</summary>
    public Action<JsonObject>? Customize { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
