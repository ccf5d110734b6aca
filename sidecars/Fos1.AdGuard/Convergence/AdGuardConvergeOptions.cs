namespace Fos1.AdGuard.Convergence;

/// <summary>
/// How far live convergence reaches. By default fos1 touches only filters and clients carrying its name marker
/// and its own block of user rules; <see cref="OwnEverything"/> makes the CRs the whole truth (foreign filters,
/// clients and rules are removed). <see cref="Upstreams"/> / <see cref="FiltersUpdateIntervalHours"/>, when set,
/// are converged too.
/// </summary>
public sealed record AdGuardConvergeOptions
{
    public bool OwnEverything { get; init; }

    public IReadOnlyList<string>? Upstreams { get; init; }

    public int? FiltersUpdateIntervalHours { get; init; }
}
