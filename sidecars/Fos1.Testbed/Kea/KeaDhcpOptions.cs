using System.Net;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kea;

/// <summary>How to configure a <see cref="KeaDhcp4Server"/> or <see cref="KeaDhcp6Server"/> in a DHCP lab.</summary>
public sealed record KeaDhcpOptions
{
    public static KeaDhcpOptions Default { get; } = new();

    /// <summary>Where Kea sends NameChangeRequests (<c>dhcp-ddns.server-ip/server-port</c>); null disables DDNS.</summary>
    public IPEndPoint? NcrReceiver { get; init; }

    /// <summary><c>ddns-qualifying-suffix</c>.</summary>
    public string QualifyingSuffix { get; init; } = "home.arpa.";

    /// <summary><c>ddns-generated-prefix</c>; with <c>ddns-replace-client-name: always</c> every client gets PREFIX-ADDRESS.SUFFIX.</summary>
    public string GeneratedPrefix { get; init; } = "host";

    /// <summary><c>valid-lifetime</c> in seconds.</summary>
    public int ValidLifetime { get; init; } = 3600;

    /// <summary>v6 <c>preferred-lifetime</c>; three quarters of <see cref="ValidLifetime"/> when not given.</summary>
    public int? PreferredLifetime { get; init; }

    public IReadOnlyList<KeaHookLibrary> Hooks { get; init; } = [];

    /// <summary>Last word on the generated config (the object inside "Dhcp4"/"Dhcp6"), for settings not modelled here.</summary>
    public Action<JsonObject>? Customize { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Writes the memfile lease file (its path is given) before Kea starts, so Kea loads those leases at start-up
    /// (e.g. <see cref="MemfileLeaseWriter"/> for 100,000 leases, far faster than lease4-add one by one).
    /// </summary>
    public Func<string, CancellationToken, Task>? PrepareLeaseFile { get; init; }
}
