namespace Fos1.Dns.Wire;

internal static class WireNames
{
    /// <summary>Uncompressed, lower-case wire form (RFC 4034 section 6.2), used in TSIG digests.</summary>
    public static byte[] Canonical(DnsName name)
    {
        var bytes = new byte[name.Text.Length + (name.Labels.Count == 0 ? 1 : 2)];
        var position = 0;
        foreach (var label in name.Labels)
        {
            bytes[position++] = (byte)label.Length;
            foreach (var c in label)
            {
                bytes[position++] = (byte)(c is >= 'A' and <= 'Z' ? c + ('a' - 'A') : c);
            }
        }

        bytes[position] = 0;
        return bytes;
    }

    /// <summary>Upper bound of a name's wire length.</summary>
    public static int MaxLength(DnsName name) => name.Text.Length + 2;
}
