using Fos1.Ddns.Leases;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// The forward-only subnets of the configurations Kea runs now, one list per family, read by every lease source
/// through <see cref="Current"/>. Each applied rendering swaps in a new immutable snapshot, so a reader never
/// sees half of one.
/// </summary>
public sealed class ForwardOnlyScope
{
    private readonly Lock _gate = new();
    private ForwardOnlySubnets _v4 = ForwardOnlySubnets.None;
    private ForwardOnlySubnets _v6 = ForwardOnlySubnets.None;
    private ForwardOnlySubnets _current = ForwardOnlySubnets.None;

    public ForwardOnlySubnets Current => Volatile.Read(ref _current);

    /// <summary>Replaces one family's list (from the rendering Kea just accepted).</summary>
    public void Replace(int family, ForwardOnlySubnets subnets)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        lock (_gate)
        {
            if (family == 6)
            {
                _v6 = subnets;
            }
            else
            {
                _v4 = subnets;
            }

            Volatile.Write(ref _current, _v4.With(_v6));
        }
    }
}
