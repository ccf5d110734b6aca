using System.ComponentModel.DataAnnotations;

namespace Fos1.Kea.Memfile;

/// <summary>Which lease file to follow and how often to look at it.</summary>
public sealed record MemfileTailOptions
{
    /// <summary>Kea's <c>lease-database.name</c>, e.g. /var/lib/kea/kea-leases4.csv.</summary>
    [Required]
    public required string LeaseFile { get; init; }

    /// <summary>
    /// How often the file is read. Must stay well below Kea's <c>lfc-interval</c>: two rotations between two reads
    /// would hide the rows of the middle file (they survive only in the compacted <c>.2</c>, read at start-up).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
