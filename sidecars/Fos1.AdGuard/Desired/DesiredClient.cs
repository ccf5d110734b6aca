namespace Fos1.AdGuard.Desired;

/// <summary>One persistent client as AdGuard should hold it; ids are in AdGuard's canonical spelling.</summary>
public sealed record DesiredClient
{
    public required ResourceRef Owner { get; init; }

    /// <summary>The AdGuard client name, with the ownership marker.</summary>
    public required string Name { get; init; }

    public required string Uid { get; init; }

    public IReadOnlyList<string> Ids { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Upstreams { get; init; } = [];

    public bool UseGlobalSettings { get; init; } = true;

    public bool FilteringEnabled { get; init; } = true;

    public bool ParentalEnabled { get; init; }

    public bool SafeBrowsingEnabled { get; init; }

    public bool SafeSearchEnabled { get; init; }

    public bool UseGlobalBlockedServices { get; init; } = true;

    public IReadOnlyList<string> BlockedServices { get; init; } = [];

    /// <summary>AdGuard's schedule: when blocking of the services is paused.</summary>
    public PauseSchedule Pause { get; init; } = PauseSchedule.Never;
}
