using System.Diagnostics.CodeAnalysis;
using System.Text;
using Fos1.Ddns;

namespace Fos1.Zones.Records;

/// <summary>Uncompressed wire-format names inside RDATA (RFC 1035 section 3.1).</summary>
internal static class WireNames
{
    /// <summary>
    /// Reads one name at <paramref name="at"/>. The wire layer hands RDATA over with its names already
    /// decompressed, so a pointer here is a malformed record, not something to follow.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int at, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        var labels = new List<string>();
        var octets = 0;
        while (true)
        {
            if (at >= data.Length)
            {
                error = "a name in the RDATA runs past its end";
                return false;
            }

            var length = data[at++];
            octets++;
            if (length == 0)
            {
                break;
            }

            if (length > 63)
            {
                error = "a name in the RDATA is compressed or uses an extended label type";
                return false;
            }

            if (at + length > data.Length)
            {
                error = "a label in the RDATA runs past its end";
                return false;
            }

            var label = data.Slice(at, length);
            if (label.IndexOf((byte)'.') >= 0)
            {
                error = "a label in the RDATA contains a dot";
                return false;
            }

            labels.Add(Encoding.Latin1.GetString(label));
            at += length;
            octets += length;
        }

        if (octets > 255)
        {
            error = "a name in the RDATA is longer than 255 octets";
            return false;
        }

        return DnsName.TryParse(labels.Count == 0 ? "" : string.Join('.', labels), out name, out error);
    }

    /// <summary>Writes the name uncompressed in its own spelling (the canonical form lower-cases it separately).</summary>
    public static void Write(List<byte> into, DnsName name)
    {
        foreach (var label in name.Labels)
        {
            into.Add((byte)label.Length);
            foreach (var c in label)
            {
                into.Add((byte)c);
            }
        }

        into.Add(0);
    }
}
