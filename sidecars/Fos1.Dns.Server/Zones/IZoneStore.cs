using Fos1.Zones;
using Fos1.Zones.Updates;

namespace Fos1.Dns.Server.Zones;

/// <summary>
/// Where the server finds zones and makes applied updates durable. The server calls
/// <see cref="CommitAsync"/> for one zone at a time (it serialises updates per zone) and replies only
/// after it completes, so a reply of NOERROR means the change survives a restart.
/// </summary>
public interface IZoneStore
{
    /// <summary>The current version of the zone whose origin is exactly <paramref name="origin"/>, or null.</summary>
    Zone? Find(DnsName origin);

    /// <summary>
    /// Makes <paramref name="outcome"/> (a changed zone: <c>outcome.Change</c> is set) durable and then the
    /// current version. Throws when that fails; the server then answers SERVFAIL.
    /// </summary>
    Task CommitAsync(UpdateOutcome outcome, CancellationToken cancellationToken);
}
