using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Fos1.Crds.Dhcp;

/// <summary>
/// The subnet-id a subnet gets when the CR names none. Kea keys leases and reservations by subnet-id, so the
/// id must not move when subnets are reordered or added: it is derived from the prefix alone.
/// </summary>
public static class SubnetIds
{
    /// <summary>A value in 1..4294967294 (Kea reserves 0 and 0xffffffff) from SHA-256 of the canonical prefix.</summary>
    public static long Stable(IPNetwork subnet)
    {
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(subnet.ToString()));
        var value = BinaryPrimitives.ReadUInt32BigEndian(digest);
        return (value % DhcpCommonValidation.MaxSubnetId) + 1;
    }

    /// <summary>The subnet's own id, or <see cref="Stable"/>.</summary>
    public static long Effective(long? id, IPNetwork subnet) => id ?? Stable(subnet);
}
