namespace Fos1.Ddns.Records;

/// <summary>One resource record of class IN.</summary>
public sealed record DnsRecord(DnsName Name, uint Ttl, RecordData Data)
{
    public RecordType Type => Data.Type;

    public override string ToString() => $"{Name} {Ttl} IN {Type.ToString().ToUpperInvariant()} {Data}";
}
