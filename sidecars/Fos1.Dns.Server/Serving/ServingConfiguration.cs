using System.Net;
using Fos1.Dns.Server.Transfer;
using Fos1.Zones.Policy;

namespace Fos1.Dns.Server.Serving;

/// <summary>
/// What may change while the server runs (DNSZone/PTRZone resources come and go): who may update which
/// zone, who may transfer, and which secondaries hear a NOTIFY per zone. Immutable: a request reads one
/// snapshot from start to end. The zones themselves live in the store; TSIG keys stay fixed at start.
/// </summary>
public sealed record ServingConfiguration(
    UpdatePolicy Policy,
    TransferPolicy Transfers,
    IReadOnlyDictionary<DnsName, IReadOnlyList<IPEndPoint>> NotifyTargets)
{
    public static ServingConfiguration From(UpdateServerOptions options, IReadOnlyDictionary<DnsName, IReadOnlyList<IPEndPoint>>? notifyTargets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Policy, options.Transfers, notifyTargets ?? new Dictionary<DnsName, IReadOnlyList<IPEndPoint>>());
    }
}
