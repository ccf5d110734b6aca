using System.Collections.Concurrent;
using System.Net;
using Fos1.Ddns;
using Fos1.Dns.Sending;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>
/// The last UPDATE exchange with each zone's servers: answered (the server is there and takes our key) or not
/// (timeout, network error, TSIG trouble). Fed by <see cref="ObservedUpdateSender"/>; read by readiness.
/// </summary>
public sealed class DnsReachability(TimeProvider time)
{
    private readonly ConcurrentDictionary<DnsName, DnsContact> _zones = new();

    public void Observed(DnsName zone, IPEndPoint server, UpdateOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(outcome);
        var now = time.GetUtcNow();
        _zones[zone] = outcome switch
        {
            UpdateAnswered answered => new DnsContact(server, now, true, $"answered {answered.ResponseCode}"),
            UpdateFailed failed => new DnsContact(server, now, false, $"{failed.Kind}: {failed.Detail}"),
            _ => new DnsContact(server, now, false, outcome.ToString()),
        };
    }

    /// <summary>The zone's last exchange; null when nothing was sent to it yet.</summary>
    public DnsContact? LastContact(DnsName zone) => _zones.TryGetValue(zone, out var contact) ? contact : null;
}

/// <summary>The last UPDATE exchange with one zone: which server, when, whether it answered usefully, and what happened.</summary>
public sealed record DnsContact(IPEndPoint Server, DateTimeOffset At, bool Reached, string Detail);
