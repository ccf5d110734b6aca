namespace Fos1.Ddns.Transactions;

/// <summary>Forward: the FQDN's A/AAAA and DHCID. Reverse: the address's PTR and DHCID.</summary>
public enum UpdateSide
{
    Forward,
    Reverse,
}
