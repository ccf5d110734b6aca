namespace Fos1.Zones.Records;

/// <summary>The CLASS values an UPDATE uses (RFC 1035, RFC 2136 section 2.4 and 2.5).</summary>
public static class DnsClass
{
    public const ushort In = 1;

    /// <summary>RFC 2136: "RRset does not exist" prerequisites and "delete an RR" updates.</summary>
    public const ushort None = 254;

    /// <summary>RFC 2136: "RRset exists" prerequisites and "delete an RRset" updates.</summary>
    public const ushort Any = 255;
}
