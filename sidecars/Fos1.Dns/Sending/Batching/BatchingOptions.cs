using System.ComponentModel.DataAnnotations;

namespace Fos1.Dns.Sending.Batching;

/// <summary>The "Fos1:Batching" section: how <see cref="BatchingUpdateSender"/> merges UPDATEs per zone.</summary>
public sealed class BatchingOptions
{
    public const string SectionName = "Fos1:Batching";

    /// <summary>Most plans merged into one UPDATE; 1 turns batching off (every plan is its own message).</summary>
    [Range(1, 4096)]
    public int MaxPlansPerMessage { get; set; } = 256;

    /// <summary>
    /// UPDATEs in flight per zone (and server and key) at once. Past it, plans wait for an answer and then
    /// ride together, so a busy server gets fewer, larger messages; two keep the server's queue for the zone
    /// from running dry while the next message is gathered.
    /// </summary>
    [Range(1, 100)]
    public int MaxMessagesInFlight { get; set; } = 2;

    /// <summary>
    /// Longest a plan waits for company while another UPDATE for its zone is in flight. A plan that
    /// finds its zone idle is sent at once, so a lone change never waits.
    /// </summary>
    [Range(0, 1000)]
    public int MaxDelayMs { get; set; } = 2;

    /// <summary>
    /// Upper bound of a merged message (uncompressed estimate, TSIG not counted). Far below the 65,535
    /// octets a DNS message can hold, so the estimate's slack never makes a merged message unsendable.
    /// </summary>
    [Range(512, 60_000)]
    public int MaxMessageOctets { get; set; } = 60_000;

    public TimeSpan MaxDelay => TimeSpan.FromMilliseconds(MaxDelayMs);
}
