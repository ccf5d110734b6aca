using Fos1.Ddns.Records;

namespace Fos1.Ddns.Updates;

/// <summary>An RFC 2136 section 2.5 update.</summary>
public abstract record UpdateOperation(DnsName Name);

/// <summary>2.5.1 Add to an RRset: CLASS IN, the record's TTL and RDATA.</summary>
public sealed record AddRecord(DnsRecord Record) : UpdateOperation(Record.Name);

/// <summary>2.5.2 Delete an RRset: CLASS ANY, TYPE t, TTL 0, no RDATA.</summary>
public sealed record DeleteRRset(DnsName Name, RecordType Type) : UpdateOperation(Name);

/// <summary>2.5.3 Delete all RRsets from a name: CLASS ANY, TYPE ANY, TTL 0, no RDATA.</summary>
public sealed record DeleteAllAtName(DnsName Name) : UpdateOperation(Name);

/// <summary>2.5.4 Delete an RR from an RRset: CLASS NONE, TTL 0, the RDATA to delete.</summary>
public sealed record DeleteRecord(DnsName Name, RecordData Data) : UpdateOperation(Name);
