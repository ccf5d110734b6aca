using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>Parsing and comparing the address texts of the CRs.</summary>
internal static class Addressing
{
    public static AddressFamily FamilyOf(int family) => family == 6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    /// <summary>A CIDR of the family with no host bits set.</summary>
    public static bool TryNetwork(string? text, int family, out IPNetwork network)
    {
        // IPNetwork.TryParse masks host bits away silently; a CR saying 10.0.0.5/24 most likely means something else.
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return IPNetwork.TryParse(text, out network)
            && network.BaseAddress.AddressFamily == FamilyOf(family)
            && slash > 0
            && IPAddress.TryParse(text.AsSpan(0, slash), out var written)
            && written.Equals(network.BaseAddress);
    }

    public static bool TryAddress(string? text, int family, [NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(text, out address) && address.AddressFamily == FamilyOf(family) && !text!.Contains('/', StringComparison.Ordinal);

    public static bool Overlap(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);
}
