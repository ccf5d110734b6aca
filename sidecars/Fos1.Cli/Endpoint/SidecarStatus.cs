namespace Fos1.Ctl.Endpoint;

/// <summary>GET /status of the kea sidecar (the agreed operator contract; camelCase JSON). Missing parts read as empty.</summary>
/// <remarks>
/// The setters turn null into empty because source-generated JSON sets every init-only property, passing null for a part
/// the answer leaves out (it does not keep the initializer as reflection did).
/// </remarks>
public sealed record SidecarStatus
{
    public string Sidecar { get; init => field = value ?? ""; } = "";

    public string? Version { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public bool Ready { get; init; }

    public IReadOnlyList<ReadinessCheck> Readiness { get; init => field = value ?? []; } = [];

    public IReadOnlyList<SourceStatus> Sources { get; init => field = value ?? []; } = [];

    public IReadOnlyList<ZoneStatus> Zones { get; init => field = value ?? []; } = [];

    public OutboxStatus? Outbox { get; init; }

    public IReadOnlyList<ErrorEntry> LastErrors { get; init => field = value ?? []; } = [];
}

public sealed record ReadinessCheck(string Check, bool Healthy, string? Reason);

/// <param name="Name">ncr, hooks, memfile, reconciliation or expiry.</param>
public sealed record SourceStatus(string Name, bool Enabled, DateTimeOffset? LastEventAt, long Events, long Rejected, string? LastError);

/// <param name="Direction">forward or reverse.</param>
public sealed record ZoneStatus(string Zone, IReadOnlyList<string>? Servers, string? Direction);

public sealed record OutboxStatus(long Pending, double OldestAgeSeconds);

public sealed record ErrorEntry(DateTimeOffset At, string Message);
