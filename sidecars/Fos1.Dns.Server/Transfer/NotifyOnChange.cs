using System.Net;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// Sends NOTIFY to a zone's configured secondaries when the store reports a new serial
/// (wire it to the durable store's ZoneChanged(zone, serial) event). The targets are read from the
/// live serving configuration at each change, so resources can change them at runtime.
/// </summary>
public sealed class NotifyOnChange
{
    private readonly NotifySender _sender;
    private readonly Func<IReadOnlyDictionary<DnsName, IReadOnlyList<IPEndPoint>>> _targets;
    private readonly TsigKey? _key;

    /// <summary>Fixed targets.</summary>
    public NotifyOnChange(NotifySender sender, IReadOnlyDictionary<DnsName, IReadOnlyList<IPEndPoint>> secondaries, TsigKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(secondaries);
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _targets = () => secondaries;
        _key = key;
    }

    /// <summary>The targets of <see cref="LiveServingConfiguration.Current"/> at each change.</summary>
    public NotifyOnChange(NotifySender sender, LiveServingConfiguration serving, TsigKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(serving);
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _targets = () => serving.Current.NotifyTargets;
        _key = key;
    }

    /// <returns>The per-secondary results; empty when the zone has no secondaries.</returns>
    public Task<IReadOnlyList<NotifyResult>> ZoneChangedAsync(DnsName zone, uint serial, CancellationToken cancellationToken = default) =>
        _targets().TryGetValue(zone, out var targets) && targets.Count > 0
            ? _sender.NotifyAsync(zone, serial, targets, _key, cancellationToken)
            : Task.FromResult<IReadOnlyList<NotifyResult>>([]);
}
