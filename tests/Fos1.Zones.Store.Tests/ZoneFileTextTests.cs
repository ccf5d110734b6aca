using System.Text;
using Fos1.Zones.Journal;
using Fos1.Zones.Records;
using Fos1.Zones.Text;

namespace Fos1.Zones.Store.Tests;

public sealed class ZoneFileTextTests
{
    [Fact]
    public void Rendering_only_the_touched_owners_gives_exactly_the_full_render_after_adds_and_deletions()
    {
        var zone = StoreFixture.StaticZone();
        var text = new ZoneFileText();
        text.Update(zone, touched: null);
        AssertRendersAs(zone, text);
        var random = new Random(2136);

        for (var step = 0; step < 300; step++)
        {
            // A name present is deleted (a{i} or b{i}, so a and b also come and go apart); an absent one is added.
            var i = random.Next(60);
            var owner = DnsName.Parse($"{(random.Next(2) == 0 ? 'a' : 'b')}{i}.home.arpa");
            var entry = zone.HasName(owner) ? Delete(zone, owner)
                : zone.HasName(DnsName.Parse($"a{i}.home.arpa")) || zone.HasName(DnsName.Parse($"b{i}.home.arpa")) ? null
                : StoreFixture.Update(zone, i);
            if (entry is null)
            {
                continue;
            }

            zone = zone.Apply(entry);
            text.Update(zone, [.. entry.Removed.Concat(entry.Added).Select(r => r.Owner)]);

            AssertRendersAs(zone, text);
        }
    }

    [Fact]
    public void A_version_with_unknown_changes_is_rendered_in_full()
    {
        var text = new ZoneFileText();
        var first = StoreFixture.StaticZone();
        text.Update(first, touched: null);
        var other = first.Apply(StoreFixture.Update(first, 1)).Apply(StoreFixture.Update(first.Apply(StoreFixture.Update(first, 1)), 2));

        text.Update(other, touched: null);

        AssertRendersAs(other, text);
    }

    private static void AssertRendersAs(Zone zone, ZoneFileText text) =>
        Assert.Equal(ZoneFileWriter.Render(zone), Encoding.UTF8.GetString(text.ToBytes()));

    /// <summary>Removes every record at <paramref name="owner"/> and bumps the serial, as an UPDATE deleting the name journals it.</summary>
    private static UpdateJournalEntry Delete(Zone zone, DnsName owner)
    {
        var soa = zone.SoaRecord;
        var next = new ResourceRecord(soa.Owner, soa.Ttl, (zone.Soa with { Serial = zone.Serial + 1 }).ToRdata());
        return new UpdateJournalEntry(zone.Origin, zone.Serial, zone.Serial + 1,
            [soa, .. zone.At(owner).SelectMany(set => set.Records)], [next]);
    }
}
