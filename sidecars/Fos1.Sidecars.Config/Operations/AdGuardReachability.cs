namespace Fos1.Sidecars.Config.Operations;

/// <summary>Whether AdGuard Home's API answered at the last converge (written by the reconciler, read by readiness).</summary>
public sealed class AdGuardReachability(TimeProvider time)
{
    private volatile AdGuardContact? _last;

    public AdGuardContact? Last => _last;

    public void Reached() => _last = new AdGuardContact(time.GetUtcNow(), true, null);

    public void Unreachable(string problem) => _last = new AdGuardContact(time.GetUtcNow(), false, problem);
}

/// <summary>The last converge: when, and if AdGuard did not answer, why.</summary>
public sealed record AdGuardContact(DateTimeOffset At, bool Reached, string? Problem);
