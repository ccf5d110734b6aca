using Fos1.Bench.Reconcile.Measuring;

namespace Fos1.Bench.Reconcile.Reporting;

/// <summary>One measured reconciliation: the sidecar's phases, the harness's clock and the sidecar's memory.</summary>
/// <param name="Answered">POST /resync until its answer (survey, plan and durable queueing done).</param>
/// <param name="Repaired">POST /resync until the outbox was empty and an AXFR of both zones started that found them equal to the desired state.</param>
/// <param name="Resync">The /resync answer body.</param>
/// <param name="Run">"set-up.resync", e.g. 1.2 for the second /resync of the first set-up.</param>
public sealed record ReconcileRow(
    string Run,
    int Leases,
    int OwnedNames,
    string Drift,
    PhaseDurations Phases,
    TimeSpan Answered,
    TimeSpan OutboxEmpty,
    TimeSpan Repaired,
    ZoneComparison Verified,
    SidecarMemory Before,
    SidecarMemory After,
    string Resync);
