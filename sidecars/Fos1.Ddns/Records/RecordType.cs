namespace Fos1.Ddns.Records;

/// <summary>The DNS record types this product reads or writes (IANA numbers).</summary>
public enum RecordType : ushort
{
    A = 1,
    Ns = 2,
    Cname = 5,
    Soa = 6,
    Ptr = 12,
    Txt = 16,
    Aaaa = 28,
    Dhcid = 49,
    Any = 255,
}
