using Fos1.Ddns.Records;

namespace Fos1.Ddns.Updates;

/// <summary>An RFC 2136 section 2.4 prerequisite.</summary>
public abstract record Prerequisite(DnsName Name);

/// <summary>2.4.4 Name is in use: CLASS ANY, TYPE ANY.</summary>
public sealed record NameIsInUse(DnsName Name) : Prerequisite(Name);

/// <summary>2.4.5 Name is not in use: CLASS NONE, TYPE ANY.</summary>
public sealed record NameIsNotInUse(DnsName Name) : Prerequisite(Name);

/// <summary>2.4.1 RRset exists (value independent): CLASS ANY, TYPE t.</summary>
public sealed record RRsetExists(DnsName Name, RecordType Type) : Prerequisite(Name);

/// <summary>2.4.3 RRset does not exist: CLASS NONE, TYPE t.</summary>
public sealed record RRsetDoesNotExist(DnsName Name, RecordType Type) : Prerequisite(Name);

/// <summary>2.4.2 RRset exists (value dependent): CLASS IN, TTL 0, the record's RDATA.</summary>
public sealed record RRsetExistsWithValue(DnsName Name, RecordData Data) : Prerequisite(Name);
