namespace Fos1.Sidecars.Kea.Operations;

/// <summary>What one reconciliation run did (the POST /resync answer), or why it did nothing.</summary>
public sealed record ReconciliationRun(
    DateTimeOffset At,
    bool Succeeded,
    int Leases,
    int Added,
    int Removed,
    int Conflicts,
    double DurationMs,
    string? Error);
