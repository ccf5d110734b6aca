using Fos1.Observability.Logging;
using Fos1.Observability.Readiness;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>GET /status (camelCase JSON): the operator's one look at the kea sidecar.</summary>
public sealed record KeaStatus(
    string Sidecar,
    string Version,
    DateTimeOffset StartedAt,
    bool Ready,
    IReadOnlyList<ReadinessCheckResult> Readiness,
    IReadOnlyList<SourceStatus> Sources,
    IReadOnlyList<ZoneStatus> Zones,
    OutboxStatus Outbox,
    IReadOnlyList<RecentProblem> LastErrors);

/// <param name="Name">ncr, hooks, memfile, reconciliation or expiry.</param>
public sealed record SourceStatus(string Name, bool Enabled, DateTimeOffset? LastEventAt, long Events, long Rejected, string? LastError);

/// <param name="Servers">"address:port" in the order they are tried.</param>
/// <param name="Direction">forward or reverse.</param>
public sealed record ZoneStatus(string Zone, IReadOnlyList<string> Servers, string Direction);

public sealed record OutboxStatus(int Pending, double OldestAgeSeconds);

/// <summary>POST /resync's answer.</summary>
public sealed record ResyncResult(int Leases, int Added, int Removed, int Conflicts, double DurationMs);

/// <summary>POST /resync's answer when nothing ran or the run failed.</summary>
public sealed record OperationError(string Error);
