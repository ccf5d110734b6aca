using CsCheck;
using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.Tests.Text;
using Fos1.Zones.Text;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Journal;

/// <summary>Random UPDATE sequences over a small universe of names and records, so collisions are common.</summary>
public sealed class UpdateSequenceProperties
{
    private static readonly string[] Names = ["a.home.arpa", "b.home.arpa", "Host.home.arpa", "x.y.home.arpa", "home.arpa"];

    private static readonly Rdata[] Data =
    [
        Rdata.A(Ip("192.0.2.10")), Rdata.A(Ip("192.0.2.11")), Rdata.Aaaa(Ip("2001:db8::1")),
        Rdata.Txt("one"), Rdata.Txt("two \"q\""), Rdata.Cname(Host), Rdata.Dhcid(new Fos1.Ddns.Dhcid([0, 1, 1, 9, 9])),
        Rdata.Ns(Name("ns.example.org")), Rdata.Mx(10, Ns1),
    ];

    private static readonly ushort[] Types = [DnsType.A, DnsType.Aaaa, DnsType.Txt, DnsType.Cname, DnsType.Ns, DnsType.Soa];

    private static readonly Gen<RawRecord> Update = Gen.OneOf(
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Data), Gen.OneOf(60u, 300u), (n, d, t) => Add(n, t, d)),
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Data), (n, d) => DeleteRr(n, d)),
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Types), (n, t) => DeleteRRset(n, t)),
        Gen.OneOf(Names).Select(DeleteName),
        Gen.Int[90, 130].Select(s => Add("home.arpa", 3600, (Soa with { Serial = (uint)s }).ToRdata())));

    private static readonly Gen<RawRecord> Prerequisite = Gen.OneOf(
        Gen.OneOf(Names).Select(NameInUse),
        Gen.OneOf(Names).Select(NameNotInUse),
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Types), (n, t) => RRsetExists(n, t)),
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Types), (n, t) => RRsetAbsent(n, t)),
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Data), (n, d) => RRsetIs(n, d)));

    private static readonly Gen<UpdateRequest> Message =
        Gen.Select(Prerequisite.Array[0, 2], Update.Array[1, 5], (p, u) => Request(p, u));

    [Fact]
    public void Replaying_the_journal_of_any_update_sequence_reproduces_the_zone()
    {
        Message.Array[1, 25].Sample(messages =>
        {
            var start = HomeZone();
            var zone = start;
            var journal = new List<Fos1.Zones.Journal.UpdateJournalEntry>();
            foreach (var message in messages)
            {
                var outcome = Apply(zone, message);
                AssertVersioning(zone, outcome);
                if (outcome.Change is not null)
                {
                    journal.Add(outcome.Change);
                }

                zone = outcome.Zone;
            }

            var replayed = journal.Aggregate(start, (z, entry) => z.Apply(entry));
            Assert.Equal(zone, replayed);
            Assert.Equal(Lines(zone), Lines(replayed));
        }, iter: 400);
    }

    [Fact]
    public void Every_zone_an_update_sequence_builds_reads_back_from_its_zone_file()
    {
        Message.Array[1, 15].Sample(messages =>
        {
            var zone = messages.Aggregate(HomeZone(), (z, m) => Apply(z, m).Zone);
            Assert.Equal(zone, ZoneFileReader.Parse(ZoneFileWriter.Render(zone), Origin));
        }, iter: 400);
    }

    [Fact]
    public async Task Zones_built_by_update_sequences_pass_named_checkzone()
    {
        var zones = new List<Zone>();
        Message.Array[5, 20].Sample(messages => zones.Add(messages.Aggregate(HomeZone(), (z, m) => Apply(z, m).Zone)), iter: 12, threads: 1);
        foreach (var zone in zones)
        {
            await NamedCheckzone.AssertAcceptsAsync(ZoneFileWriter.Render(zone), Origin);
        }
    }

    /// <summary>Rejected and no-op messages return the very same version; a change moves the serial by one unless the client set it.</summary>
    private static void AssertVersioning(Zone before, UpdateOutcome outcome)
    {
        if (outcome.Change is null)
        {
            Assert.Same(before, outcome.Zone);
            return;
        }

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.True(SerialNumber.IsNewer(outcome.Zone.Serial, before.Serial), $"serial {before.Serial} -> {outcome.Zone.Serial}");
        var soaAdded = outcome.Change.Added.Single(r => r.Type == DnsType.Soa).Data.ToSoa().Serial;
        Assert.Equal(outcome.Zone.Serial, soaAdded);
        if (outcome.Zone.Serial != before.Serial + 1)
        {
            Assert.True(outcome.Zone.Serial > before.Serial + 1, "a client-chosen serial is newer");
        }
    }
}
