namespace Fos1.Kubernetes.Hosting;

/// <summary>
/// Whether this replica may write resource status now. Controllers apply on every replica but check this before
/// a status write, and re-reconcile everything when <see cref="Acquired"/> fires, so a new leader's first act is to
/// bring every status up to date.
/// </summary>
public sealed class StatusLeadership
{
    private volatile bool _leading;

    /// <summary>A leadership that is always held: no election (one replica, or <c>Kubernetes:LeaderElection=false</c>).</summary>
    public static StatusLeadership Always() => new() { _leading = true };

    public bool MayWriteStatus => _leading;

    /// <summary>Raised when this replica becomes the status writer.</summary>
    public event Action? Acquired;

    internal void Lead()
    {
        _leading = true;
        Acquired?.Invoke();
    }

    internal void Follow() => _leading = false;
}
