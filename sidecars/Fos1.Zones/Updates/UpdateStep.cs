using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Updates;

/// <summary>An update RR after the prescan (RFC 2136 section 3.4.1): its meaning is now known.</summary>
internal abstract record UpdateStep(DnsName Name, ushort Type);

/// <summary>Section 2.5.1, CLASS IN: add to an RRset.</summary>
internal sealed record AddStep(DnsName Name, uint Ttl, Rdata Data) : UpdateStep(Name, Data.Type);

/// <summary>Section 2.5.2, CLASS ANY with a type: delete an RRset.</summary>
internal sealed record DeleteRRsetStep(DnsName Name, ushort Type) : UpdateStep(Name, Type);

/// <summary>Section 2.5.3, CLASS ANY TYPE ANY: delete all RRsets at a name.</summary>
internal sealed record DeleteNameStep(DnsName Name) : UpdateStep(Name, DnsType.Any);

/// <summary>Section 2.5.4, CLASS NONE: delete one RR from an RRset.</summary>
internal sealed record DeleteRecordStep(DnsName Name, Rdata Data) : UpdateStep(Name, Data.Type);
