using Fos1.AdGuard.Api;

namespace Fos1.AdGuard.Convergence;

/// <summary>What the API reported; <see cref="Dns"/> is null when upstreams are not converged (not fetched).</summary>
public sealed record AdGuardObservedState(FilteringStatus Filtering, ClientList Clients, DnsInfo? Dns);
