namespace Fos1.Zones.Store;

public sealed record ZoneStoreOptions
{
    /// <summary>Where the journals and the zone snapshots (<c>&lt;zone&gt;.zone</c>) live. Owned by one process.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Optional second directory that receives the same zone files, for CoreDNS's <c>file</c> plugin.
    /// Null or the store directory itself: the snapshots are the published files.
    /// </summary>
    public string? PublishDirectory { get; init; }

    /// <summary>Test hook: no zone files and no compaction, so the journal keeps every entry.</summary>
    internal bool SuspendFileWrites { get; init; }
}
