using System.Net;
using System.Net.Sockets;

namespace Fos1.Ddns;

/// <summary>The reverse-mapping owner name of an address (RFC 1035 section 3.5, RFC 3596 section 2.5).</summary>
public static class ReverseName
{
    private static readonly DnsName InAddrArpa = DnsName.Parse("in-addr.arpa");
    private static readonly DnsName Ip6Arpa = DnsName.Parse("ip6.arpa");

    /// <summary>
    /// 192.0.2.10 -> <c>10.2.0.192.in-addr.arpa</c>; 2001:db8::1 -> 32 nibbles, least significant
    /// first, under <c>ip6.arpa</c>. An IPv4-mapped IPv6 address stays IPv6, as Kea sends it.
    /// </summary>
    public static DnsName For(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var octets = address.GetAddressBytes();
        switch (address.AddressFamily)
        {
            case AddressFamily.InterNetwork:
                {
                    var name = InAddrArpa;
                    foreach (var octet in octets)
                    {
                        name = name.Prepend(octet.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    return name;
                }

            case AddressFamily.InterNetworkV6:
                {
                    var labels = new string[octets.Length * 2];
                    for (var i = 0; i < octets.Length; i++)
                    {
                        var at = labels.Length - 1 - (2 * i);
                        labels[at] = NibbleLabel(octets[i] >> 4);
                        labels[at - 1] = NibbleLabel(octets[i] & 0xF);
                    }

                    return DnsName.Parse(string.Join('.', labels) + "." + Ip6Arpa.Text);
                }

            default:
                throw new ArgumentException($"address {address} is neither IPv4 nor IPv6", nameof(address));
        }
    }

    private static readonly string[] Nibbles =
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"];

    private static string NibbleLabel(int nibble) => Nibbles[nibble];
}
