namespace Fos1.Ddns;

/// <summary>The identifier-type codes of a DHCID (RFC 4701 section 3.3), the first two RDATA octets.</summary>
public enum DhcidIdentifierType : ushort
{
    /// <summary>DHCPv4 htype (1 octet) followed by chaddr: used when the client sent no client-id.</summary>
    HardwareAddress = 0x0000,

    /// <summary>The contents of DHCPv4 option 61 (client identifier), type octet included.</summary>
    ClientIdentifier = 0x0001,

    /// <summary>A DHCPv6 DUID, or the DUID inside an RFC 4361 DHCPv4 client-id.</summary>
    Duid = 0x0002,
}
