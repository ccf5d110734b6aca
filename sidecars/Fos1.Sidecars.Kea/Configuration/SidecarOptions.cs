using System.ComponentModel.DataAnnotations;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>The "Fos1" section: what the sidecar adds to D2's configuration.</summary>
public sealed class SidecarOptions
{
    public const string SectionName = "Fos1";

    /// <summary>
    /// Where the durable outbox and the lease ledger live (a persistent volume in Kubernetes): a change
    /// is acknowledged to its source only once it is written here.
    /// </summary>
    [Required]
    public string StateDirectory { get; set; } = "/var/lib/fos1/kea-sidecar";

    /// <summary>A kea-dhcp-ddns.conf to read the "DhcpDdns" section from (JSON, comments allowed).</summary>
    public string? D2ConfigFile { get; set; }

    /// <summary>
    /// Name changes being worked on at once (each DHCID still goes one at a time). Not UPDATE messages:
    /// plans for one zone ride together in one UPDATE (Fos1:Batching), and the sender keeps at most 100
    /// UPDATEs per server in flight (BIND's default update-quota; past it named drops UPDATEs unanswered).
    /// More changes in flight make the batches larger, which is what raises BIND's throughput
    /// (bench/RESULTS.md); a change waiting only for its completion to be fsynced does not count.
    /// </summary>
    [Range(1, 65536)]
    public int MaxInFlight { get; set; } = 1024;

    /// <summary>First wait before resending after a timeout or SERVFAIL; doubles up to the maximum.</summary>
    [Range(1, 600_000)]
    public int RetryInitialDelayMs { get; set; } = 100;

    [Range(1, 3_600_000)]
    public int RetryMaxDelayMs { get; set; } = 10_000;
}
