using Fos1.Ddns;

namespace Fos1.Zones.Records;

/// <summary>
/// RFC 4034 section 6.1 canonical name order: compare label by label from the root down, each label
/// as lower-cased octets. The zone file writer and journal use it so output is stable.
/// </summary>
public sealed class CanonicalNameOrder : IComparer<DnsName>
{
    public static CanonicalNameOrder Instance { get; } = new();

    public int Compare(DnsName? x, DnsName? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var xl = x.Labels;
        var yl = y.Labels;
        for (int i = xl.Count - 1, j = yl.Count - 1; i >= 0 && j >= 0; i--, j--)
        {
            var byLabel = CompareLabel(xl[i], yl[j]);
            if (byLabel != 0)
            {
                return byLabel;
            }
        }

        return xl.Count.CompareTo(yl.Count);
    }

    private static int CompareLabel(string x, string y)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var byChar = Lower(x[i]).CompareTo(Lower(y[i]));
            if (byChar != 0)
            {
                return byChar;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}
