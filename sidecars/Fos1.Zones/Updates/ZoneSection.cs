using Fos1.Ddns;

namespace Fos1.Zones.Updates;

/// <summary>One entry of an UPDATE's zone section (RFC 2136 section 2.3): ZNAME, ZTYPE, ZCLASS.</summary>
public sealed record ZoneSection(DnsName Name, ushort Type, ushort Class);
