using System.Net;
using Fos1.Crds.Dhcp;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// Kea needs a subnet id per subnet, and leases remember it, so an id must not change when unrelated CRs come and
/// go. A subnet without an explicit id gets one derived from its CIDR text (SHA-256, folded into 1..2^32-2: Kea
/// reserves 0 and 2^32-1); if that id is taken, the next free one, wrapping around.
/// </summary>
internal sealed class SubnetIdAllocator
{
    public const uint MaxId = uint.MaxValue - 1;

    private readonly HashSet<uint> _used;

    public SubnetIdAllocator(IEnumerable<uint> reserved)
    {
        _used = [.. reserved];
    }

    public uint Allocate(IPNetwork network) => AllocateFrom(StableId(network));

    /// <summary>The first free id at or after <paramref name="id"/>, wrapping from <see cref="MaxId"/> to 1.</summary>
    public uint AllocateFrom(uint id)
    {
        while (!_used.Add(id))
        {
            id = id == MaxId ? 1 : id + 1;
        }

        return id;
    }

    /// <summary>Fos1.Crds' <see cref="SubnetIds.Stable"/>, so tools reading the CRs predict the same ids.</summary>
    public static uint StableId(IPNetwork network) => (uint)SubnetIds.Stable(network);
}
