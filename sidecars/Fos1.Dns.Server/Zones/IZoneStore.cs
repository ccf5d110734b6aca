using Fos1.Zones;
using Fos1.Zones.Updates;

namespace Fos1.Dns.Server.Zones;

/// <summary>
/// Where the server finds zones and makes applied updates durable. The server calls
/// <see cref="CommitAsync"/> for one zone at a time (it serialises updates per zone, but does not wait
/// for one commit to be durable before building the next on it) and replies only after the commit's
/// task completes, so a reply of NOERROR means the change survives a restart.
/// </summary>
public interface IZoneStore
{
    /// <summary>
    /// The newest accepted version of the zone whose origin is exactly <paramref name="origin"/> (including a
    /// commit whose task has not completed yet), or null.
    /// </summary>
    Zone? Find(DnsName origin);

    /// <summary>
    /// The newest durable version of the zone (what readers such as zone transfers answer from: a secondary must
    /// never hold a serial that a crash of this server could take back), or null.
    /// </summary>
    Zone? FindDurable(DnsName origin);

    /// <summary>
    /// Accepts <paramref name="outcome"/> (a changed zone: <c>outcome.Change</c> is set) at the call, so
    /// <see cref="Find"/> returns it as soon as this method returns, and makes it durable; the task completes
    /// once it is. The task fails when that fails (and so do the commits built on it); the server then
    /// answers SERVFAIL.
    /// </summary>
    Task CommitAsync(UpdateOutcome outcome, CancellationToken cancellationToken);
}
