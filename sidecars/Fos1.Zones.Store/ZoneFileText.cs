using System.Text;
using Fos1.Ddns;
using Fos1.Zones.Records;
using Fos1.Zones.Text;

namespace Fos1.Zones.Store;

/// <summary>
/// A zone's file text kept up to date name by name: the lines of each owner are rendered once and only
/// the owners an update touched are rendered again, so writing a large zone after a small change costs
/// a copy of the text, not a sort and format of every record. Produces exactly
/// <see cref="ZoneFileWriter.Render"/>'s text. Used by one writer at a time.
/// </summary>
internal sealed class ZoneFileText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<DnsName, byte[]> _lines = new(CanonicalNameOrder.Instance);
    private byte[] _header = [];
    private Zone? _zone;

    /// <summary>Brings the text to <paramref name="zone"/>.</summary>
    /// <param name="touched">
    /// Every owner whose records differ between the version rendered last and <paramref name="zone"/>;
    /// null when unknown (the first render, or a version that did not follow from the last one).
    /// </param>
    public void Update(Zone zone, IReadOnlyCollection<DnsName>? touched)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (_zone is null || touched is null || _zone.Origin != zone.Origin)
        {
            _lines.Clear();
            // The writer's own $ORIGIN line, from a zone holding only the SOA.
            var apexOnly = ZoneFileWriter.Render(Zone.Create(zone.Origin, [zone.SoaRecord]));
            _header = Utf8.GetBytes(apexOnly[..(apexOnly.IndexOf('\n', StringComparison.Ordinal) + 1)]);
            foreach (var name in zone.Names)
            {
                _lines[name] = Render(zone, name);
            }
        }
        else
        {
            // The SOA (new serial) lives at the apex: always rendered again.
            Refresh(zone, zone.Origin);
            foreach (var name in touched)
            {
                Refresh(zone, name);
            }
        }

        _zone = zone;
    }

    /// <summary>The text of the version last passed to <see cref="Update"/>, as UTF-8.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(_header);
        foreach (var lines in _lines.Values)
        {
            stream.Write(lines);
        }
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    private void Refresh(Zone zone, DnsName name)
    {
        if (zone.HasName(name))
        {
            _lines[name] = Render(zone, name);
        }
        else
        {
            _lines.Remove(name);
        }
    }

    private static byte[] Render(Zone zone, DnsName name)
    {
        var text = new StringBuilder();
        foreach (var set in zone.At(name))
        {
            foreach (var record in set.Records)
            {
                text.Append(ZoneFileWriter.Line(record, zone.Origin)).Append('\n');
            }
        }

        return Utf8.GetBytes(text.ToString());
    }
}
