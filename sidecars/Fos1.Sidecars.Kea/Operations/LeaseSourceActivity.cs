using System.Collections.Concurrent;
using Fos1.Ddns.Leases;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>
/// What each lease source is doing: started or failing (and why), how many changes it brought, how many of its
/// events were refused, when it last delivered. Written by the sources and the intake; read by readiness and /status.
/// </summary>
public sealed class LeaseSourceActivity : IDisposable
{
    private readonly ConcurrentDictionary<string, SourceState> _sources = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly SourceRejections _rejections;

    public LeaseSourceActivity(TimeProvider time)
    {
        _time = time;
        _rejections = new SourceRejections(this);
    }

    /// <summary>The /status name of a source: ncr, hooks, memfile, reconciliation, expiry (control-socket for the rest).</summary>
    public static string NameOf(LeaseSource source) => source switch
    {
        LeaseSource.Ncr => "ncr",
        LeaseSource.HookSpool => "hooks",
        LeaseSource.Memfile => "memfile",
        LeaseSource.Reconciliation => "reconciliation",
        LeaseSource.Expiry => "expiry",
        _ => "control-socket",
    };

    /// <summary>The source is running: bound, watching, following (the reason says where).</summary>
    public void Up(string source, string reason) => Update(source, state =>
    {
        state.Healthy = true;
        state.Reason = reason;
    });

    /// <summary>The source stopped working; the reason is shown by readiness and kept as its last error.</summary>
    public void Down(string source, string reason) => Update(source, state =>
    {
        state.Healthy = false;
        state.Reason = reason;
        state.LastError = reason;
    });

    public void Accepted(LeaseSource source, int changes) => Update(NameOf(source), state =>
    {
        state.Events += changes;
        state.LastEventAt = _time.GetUtcNow();
    });

    public void Rejected(LeaseSource source, int events) => Update(NameOf(source), state => state.Rejected += events);

    /// <summary>The source's state now; a source never heard of is not started.</summary>
    public LeaseSourceState Of(string source) =>
        _sources.TryGetValue(source, out var state) ? Copy(source, state) : new LeaseSourceState(source, false, "not started", null, 0, 0, null);

    public void Dispose() => _rejections.Dispose();

    private void Update(string source, Action<SourceState> change)
    {
        var state = _sources.GetOrAdd(source, _ => new SourceState());
        lock (state)
        {
            change(state);
        }
    }

    private static LeaseSourceState Copy(string source, SourceState state)
    {
        lock (state)
        {
            return new LeaseSourceState(source, state.Healthy, state.Reason, state.LastEventAt, state.Events, state.Rejected, state.LastError);
        }
    }

    private sealed class SourceState
    {
        public bool Healthy { get; set; }

        public string Reason { get; set; } = "not started";

        public DateTimeOffset? LastEventAt { get; set; }

        public long Events { get; set; }

        public long Rejected { get; set; }

        public string? LastError { get; set; }
    }
}

/// <summary>One source's state as readiness and /status see it.</summary>
public sealed record LeaseSourceState(
    string Name, bool Healthy, string Reason, DateTimeOffset? LastEventAt, long Events, long Rejected, string? LastError);
