using System.Collections.Concurrent;

namespace Fos1.Sidecars.Config.Operations;

/// <summary>The informers the config sidecar runs and whether each has listed its kind once (read by readiness).</summary>
public sealed class InformerSync
{
    private readonly ConcurrentDictionary<string, Func<bool>> _informers = new(StringComparer.Ordinal);

    /// <param name="kind">The resource kind, e.g. DNSFilterList.</param>
    /// <param name="hasSynced">The informer's HasSynced.</param>
    public void Track(string kind, Func<bool> hasSynced) => _informers[kind] = hasSynced;

    /// <summary>Kinds tracked so far and whether each is synced, by name.</summary>
    public IReadOnlyList<(string Kind, bool Synced)> Snapshot() =>
        [.. _informers.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => (i.Key, i.Value()))];
}
