namespace Fos1.Zones.Store;

public sealed record ZoneStoreOptions
{
    /// <summary>Where the journals and the zone snapshots (<c>&lt;zone&gt;.zone</c>) live. Owned by one process.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Optional second directory that receives the same zone files, for CoreDNS's <c>file</c> plugin.
    /// Null or the store directory itself: the snapshots are the published files (then every published
    /// write is an fsynced snapshot).
    /// </summary>
    public string? PublishDirectory { get; init; }

    /// <summary>
    /// Shortest time between the starts of two writes of one zone's file while commits keep coming. The
    /// first write after a quiet spell starts at once; during a burst the writes carry many commits each.
    /// </summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// With a separate <see cref="PublishDirectory"/>, the fsynced snapshot in the store directory (and the
    /// journal compaction it allows) is written when the zone falls quiet, or during a long burst once the
    /// journal holds this many entries beyond the last snapshot. Bounds the replay at the next start.
    /// </summary>
    public int SnapshotAfterEntries { get; init; } = 4096;

    /// <summary>Test hook: no zone files and no compaction, so the journal keeps every entry.</summary>
    internal bool SuspendFileWrites { get; init; }
}
