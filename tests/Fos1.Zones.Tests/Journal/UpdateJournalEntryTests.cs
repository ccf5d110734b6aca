using Fos1.Zones.Journal;
using Fos1.Zones.Records;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Journal;

public sealed class UpdateJournalEntryTests
{
    private static readonly Rdata Ten = Rdata.A(Ip("192.0.2.10"));
    private static readonly Rdata Eleven = Rdata.A(Ip("192.0.2.11"));

    [Fact]
    public void An_entry_holds_the_old_SOA_and_removed_records_then_the_new_SOA_and_added_records()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var change = Apply(zone, Request([], [DeleteRr("a.home.arpa", Ten), Add("b.home.arpa", 60, Eleven)])).Change!;

        Assert.Equal((100u, 101u), (change.FromSerial, change.ToSerial));
        Assert.Equal(
            ["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 100 3600 900 604800 300", "a.home.arpa. 300 IN A 192.0.2.10"],
            change.Removed.Select(r => r.ToString()));
        Assert.Equal(
            ["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 101 3600 900 604800 300", "b.home.arpa. 60 IN A 192.0.2.11"],
            change.Added.Select(r => r.ToString()));
    }

    [Fact]
    public void A_TTL_change_is_journaled_as_the_record_removed_at_its_old_TTL_and_added_at_its_new_one()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var change = Apply(zone, Request([], [Add("a.home.arpa", 60, Ten)])).Change!;

        Assert.Contains("a.home.arpa. 300 IN A 192.0.2.10", change.Removed.Select(r => r.ToString()));
        Assert.Contains("a.home.arpa. 60 IN A 192.0.2.10", change.Added.Select(r => r.ToString()));
    }

    [Fact]
    public void Replaying_an_entry_on_the_version_it_came_from_gives_the_new_version()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [DeleteName("a.home.arpa"), Add("b.home.arpa", 60, Eleven)]));

        Assert.Equal(outcome.Zone, zone.Apply(outcome.Change!));
    }

    [Fact]
    public void Replaying_an_entry_on_another_version_is_refused()
    {
        var zone = HomeZone();
        var first = Apply(zone, Request([], [Add("a.home.arpa", 60, Ten)]));
        var second = Apply(first.Zone, Request([], [Add("b.home.arpa", 60, Ten)]));

        var error = Assert.Throws<InvalidOperationException>(() => zone.Apply(second.Change!));
        Assert.Contains("does not start from home.arpa. serial 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_an_entry_that_removes_a_missing_record_is_refused()
    {
        var zone = HomeZone();
        var bogus = new UpdateJournalEntry(Origin, 100, 101, [zone.SoaRecord, Rr("a.home.arpa", 60, Ten)], [new(Origin, 3600, (Soa with { Serial = 101 }).ToRdata())]);
        Assert.Throws<InvalidOperationException>(() => zone.Apply(bogus));
    }
}
