using Fos1.Observability.Readiness;

namespace Fos1.Sidecars.Config.Operations;

/// <summary>Every informer listed its kind once: before that the sidecar would converge to an empty set.</summary>
/// <param name="expected">The kinds this configuration watches.</param>
public sealed class InformersSyncedCheck(InformerSync sync, IReadOnlyList<string> expected) : IReadinessCheck
{
    public string Name => "informers";

    public ReadinessResult Check()
    {
        var synced = sync.Snapshot().Where(i => i.Synced).Select(i => i.Kind).ToHashSet(StringComparer.Ordinal);
        var waiting = expected.Where(kind => !synced.Contains(kind)).ToList();
        return waiting.Count == 0
            ? ReadinessResult.Ok($"synced: {string.Join(", ", expected)}")
            : ReadinessResult.Failing($"not synced yet: {string.Join(", ", waiting)} (API server reachable? RBAC?)");
    }
}

/// <summary>AdGuard Home's API answered at the last converge.</summary>
public sealed class AdGuardReachableCheck(AdGuardReachability reachability) : IReadinessCheck
{
    public string Name => "adguard";

    public ReadinessResult Check() => reachability.Last switch
    {
        null => ReadinessResult.Failing("no converge finished yet"),
        { Reached: true } last => ReadinessResult.Ok($"API answered at {last.At:O}"),
        { } last => ReadinessResult.Failing($"API unreachable at {last.At:O}: {last.Problem}"),
    };
}
