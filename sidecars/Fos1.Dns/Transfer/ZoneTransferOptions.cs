namespace Fos1.Dns.Transfer;

/// <summary>Limits of one zone transfer.</summary>
public sealed record ZoneTransferOptions
{
    /// <summary>Whole-transfer deadline: connect, request, every message.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A zone with more records is refused rather than held in memory.</summary>
    public int MaxRecords { get; init; } = 2_000_000;
}
