using System.Globalization;
using System.Net;

namespace Fos1.Ddns.Reconciliation;

/// <summary>The inverse of <see cref="ReverseName.For"/>: the address a full-length reverse name stands for.</summary>
internal static class ReverseAddress
{
    private static readonly DnsName InAddrArpa = DnsName.Parse("in-addr.arpa");
    private static readonly DnsName Ip6Arpa = DnsName.Parse("ip6.arpa");

    public static bool IsReverse(DnsName name) => name.IsAtOrBelow(InAddrArpa) || name.IsAtOrBelow(Ip6Arpa);

    /// <summary>False for names that are not exactly one address (zone apexes, classless delegations, short names).</summary>
    public static bool TryParse(DnsName name, out IPAddress address)
    {
        address = IPAddress.None;
        var labels = name.Labels;
        if (labels.Count == 6 && name.IsAtOrBelow(InAddrArpa))
        {
            var octets = new byte[4];
            for (var i = 0; i < 4; i++)
            {
                if (!byte.TryParse(labels[3 - i], NumberStyles.None, CultureInfo.InvariantCulture, out octets[i]))
                {
                    return false;
                }
            }

            address = new IPAddress(octets);
            return true;
        }

        if (labels.Count == 34 && name.IsAtOrBelow(Ip6Arpa))
        {
            var octets = new byte[16];
            for (var i = 0; i < 32; i++)
            {
                var label = labels[31 - i];
                if (label.Length != 1 || !Uri.IsHexDigit(label[0]))
                {
                    return false;
                }

                var nibble = Convert.ToByte(label, 16);
                octets[i / 2] |= (byte)(i % 2 == 0 ? nibble << 4 : nibble);
            }

            address = new IPAddress(octets);
            return true;
        }

        return false;
    }
}
