using System.ComponentModel.DataAnnotations;
using Fos1.Outbox.Changes;

namespace Fos1.Outbox;

/// <summary>Where and how the outbox and the lease ledger keep their journals.</summary>
public sealed record OutboxOptions
{
    /// <summary>Directory of <c>outbox.journal</c> and <c>leases.journal</c> (a persistent volume).</summary>
    [Required]
    public string Directory { get; init; } = "";

    /// <summary>A journal larger than this is rewritten once at most half of its records are still live.</summary>
    [Range(4096, long.MaxValue)]
    public long CompactionThresholdBytes { get; init; } = 16 * 1024 * 1024;

    public AddThenRemove AddThenRemove { get; init; } = AddThenRemove.SendRemove;
}
