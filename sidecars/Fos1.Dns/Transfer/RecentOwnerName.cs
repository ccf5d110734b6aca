using Fos1.Ddns;

namespace Fos1.Dns.Transfer;

/// <summary>
/// The last owner name a transfer spelled, handed out again while the records keep that owner. A zone transfer sends
/// an owner's records together (A then DHCID, PTR then DHCID), so a 100,000-lease zone needs half the name objects,
/// and a name is spelled (decoded, split, validated) once per owner instead of once per record.
/// </summary>
internal sealed class RecentOwnerName
{
    private readonly byte[] _wire = new byte[256];
    private int _length;
    private DnsName? _name;

    /// <param name="canonical">The owner's wire form as <see cref="Wire.WireReader.TryReadName"/> wrote it.</param>
    /// <returns>Null when the name cannot be a <see cref="DnsName"/>.</returns>
    public DnsName? Spell(ReadOnlySpan<byte> canonical)
    {
        if (_name is not null && canonical.SequenceEqual(_wire.AsSpan(0, _length)))
        {
            return _name;
        }

        var name = TransferMessageReader.ToName(canonical);
        if (name is not null && canonical.Length <= _wire.Length)
        {
            canonical.CopyTo(_wire);
            _length = canonical.Length;
            _name = name;
        }

        return name;
    }
}
