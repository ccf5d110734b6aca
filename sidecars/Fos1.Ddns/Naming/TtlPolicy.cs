namespace Fos1.Ddns.Naming;

/// <summary>
/// The TTL of the records written for a lease: a fraction of the lease's valid lifetime (RFC 4702
/// section 5 suggests a third, so that caches forget a name soon after its lease could have ended),
/// clamped to [<see cref="Minimum"/>, <see cref="Maximum"/>].
/// </summary>
public sealed record TtlPolicy
{
    public static TtlPolicy Default { get; } = new();

    /// <summary>0 &lt; fraction &lt;= 1; one third by default.</summary>
    public double LeaseFraction { get; init; } = 1.0 / 3.0;

    /// <summary>
    /// 600 s by default, which with the one-third fraction is exactly Kea 2.2's rule for the NCR
    /// lease-length it sends (lifetime &lt; 1800 s gives 600, else lifetime / 3), so a name gets the
    /// same TTL whichever source reported its lease.
    /// </summary>
    public uint Minimum { get; init; } = 600;

    /// <summary>Caps the TTL of long and infinite leases.</summary>
    public uint Maximum { get; init; } = 86_400;

    public uint For(uint validLifetime)
    {
        if (LeaseFraction is not (> 0 and <= 1))
        {
            throw new InvalidOperationException($"the TTL lease fraction must be in (0, 1]; it is {LeaseFraction}");
        }

        var ttl = (uint)Math.Floor(validLifetime * LeaseFraction);
        return Math.Clamp(ttl, Minimum, Math.Max(Minimum, Maximum));
    }
}
