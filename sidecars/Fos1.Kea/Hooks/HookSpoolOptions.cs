namespace Fos1.Kea.Hooks;

/// <summary>Where the hook script spools lease events and how often the sidecar looks there without being woken.</summary>
public sealed record HookSpoolOptions
{
    /// <summary>The spool directory: the script's SPOOL_DIR (kea-config/hooks/fos1-lease-hook.sh).</summary>
    public required string Directory { get; init; }

    /// <summary>A full scan runs this often even without inotify events (lost events, overflow, NFS).</summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After the consumer failed, the same file is offered again after this delay.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A file in tmp/ this old was left by a script that died mid-write and is deleted.</summary>
    public TimeSpan StaleTemporaryFileAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Where the script writes before renaming; must be inside <see cref="Directory"/> (same file system).</summary>
    public string TemporaryDirectory => Path.Combine(Directory, "tmp");

    /// <summary>Where unparseable files are moved for a human to look at.</summary>
    public string RejectedDirectory => Path.Combine(Directory, "rejected");
}
