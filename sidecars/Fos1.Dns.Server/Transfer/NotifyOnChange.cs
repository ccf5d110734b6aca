using System.Net;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// Sends NOTIFY to a zone's configured secondaries when the store reports a new serial
/// (wire it to the durable store's ZoneChanged(zone, serial) event).
/// </summary>
public sealed class NotifyOnChange(NotifySender sender, IReadOnlyDictionary<DnsName, IReadOnlyList<IPEndPoint>> secondaries, TsigKey? key = null)
{
    /// <returns>The per-secondary results; empty when the zone has no secondaries.</returns>
    public Task<IReadOnlyList<NotifyResult>> ZoneChangedAsync(DnsName zone, uint serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(secondaries);
        return secondaries.TryGetValue(zone, out var targets) && targets.Count > 0
            ? sender.NotifyAsync(zone, serial, targets, key, cancellationToken)
            : Task.FromResult<IReadOnlyList<NotifyResult>>([]);
    }
}
