using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Ddns.Records;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Tests.Naming;

/// <summary>
/// 0 hijacks: for every corpus name, a lease from a second client whose name lands on a name another DHCID
/// holds plays its whole RFC 4703 transaction against a zone that evaluates the prerequisites; the holder's
/// records survive untouched, and every step that writes at the name carries the DHCID (or "not in use") guard.
/// </summary>
public sealed class NoHijackTests
{
    private static readonly DnsName Zone = DnsName.Parse("home.arpa");
    private static readonly Dhcid Holder = new([0x00, 0x01, 0x01, .. Enumerable.Repeat((byte)0xEE, 32)]);
    private static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(1_795_918_727);

    [Theory]
    [InlineData("192.0.2.10", LeaseEventKind.Committed)]
    [InlineData("192.0.2.10", LeaseEventKind.Released)]
    [InlineData("2001:db8:1::100", LeaseEventKind.Committed)]
    [InlineData("2001:db8:1::100", LeaseEventKind.Expired)]
    public void A_name_held_by_another_DHCID_is_never_overwritten_for_any_corpus_name(string address, LeaseEventKind kind)
    {
        var planner = new LeaseNameChangePlanner(HostileHostnameTests.Namer());
        var ip = IPAddress.Parse(address);
        var planned = 0;
        foreach (var entry in HostnameCorpus.Entries.Select(e => e.Input).Append("LAPTOP").Append("Laptop."))
        {
            var lease = new Lease(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? LeaseType.V4 : LeaseType.IaNa,
                1, [0x00, 0x0c, 0x01, 0x02, 0x03, 0x04], null, [0x00, 0x03, 0x00, 0x01, 0x00, 0x0c, 0x01, 0x02, 0x03, 0x04], 1,
                entry, true, true, 3600, Expires, 1);
            if (planner.Plan(new LeaseEvent(kind, lease, LeaseSource.HookSpool, Expires)).Change is not { } change)
            {
                continue;
            }

            planned++;
            var held = new ZoneModel();
            held.Add(change.Fqdn, new AddressData(IPAddress.Parse("192.0.2.99")));
            held.Add(change.Fqdn, new DhcidData(Holder));
            var before = held.At(change.Fqdn);

            foreach (var step in Play(change, held))
            {
                if (step.Side == UpdateSide.Forward)
                {
                    Assert.Contains(step.Plan.Prerequisites, p =>
                        p == new NameIsNotInUse(change.Fqdn) || p == new RRsetExistsWithValue(change.Fqdn, new DhcidData(change.Dhcid)));
                }
            }

            Assert.Equal(before, held.At(change.Fqdn));

            // The model is no wall that refuses everything: the same change claims a free name.
            var free = new ZoneModel();
            Play(change, free);
            Assert.Equal(kind == LeaseEventKind.Committed, free.At(change.Fqdn).Length > 0);
        }

        Assert.True(planned >= 40, $"only {planned} corpus names got a name change");
    }

    private static List<TransactionStep> Play(NameChange change, ZoneModel zone)
    {
        var steps = new List<TransactionStep>();
        var progress = NameChangeTransaction.Start(change, Zone, DnsName.Parse(change.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "2.0.192.in-addr.arpa" : "ip6.arpa"));
        while (progress is SendUpdate send)
        {
            steps.Add(send.Step);
            Assert.True(steps.Count < 10, "the transaction does not end");
            progress = NameChangeTransaction.Advance(send.Step, zone.Apply(send.Step.Plan));
        }

        return steps;
    }

    /// <summary>RFC 2136 section 3.2 / 3.4 over a set of records: enough of a zone to say which plan applies.</summary>
    private sealed class ZoneModel
    {
        private readonly List<(DnsName Name, RecordData Data)> _records = [];

        public void Add(DnsName name, RecordData data) => _records.Add((name, data));

        public string At(DnsName name) => string.Join(" | ", _records.Where(r => r.Name == name).Select(r => r.Data.ToString()));

        public ResponseCode Apply(UpdateMessagePlan plan)
        {
            foreach (var prerequisite in plan.Prerequisites)
            {
                var at = _records.Where(r => r.Name == prerequisite.Name).ToList();
                var failure = prerequisite switch
                {
                    NameIsInUse => at.Count > 0 ? (ResponseCode?)null : ResponseCode.NxDomain,
                    NameIsNotInUse => at.Count == 0 ? null : ResponseCode.YxDomain,
                    RRsetExists e => at.Any(r => r.Data.Type == e.Type) ? null : ResponseCode.NxRrset,
                    RRsetDoesNotExist d => at.Any(r => r.Data.Type == d.Type) ? ResponseCode.YxRrset : null,
                    RRsetExistsWithValue v => at.Any(r => r.Data == v.Data) ? null : ResponseCode.NxRrset,
                    _ => throw new InvalidOperationException($"unknown prerequisite {prerequisite}"),
                };
                if (failure is { } code)
                {
                    return code;
                }
            }

            foreach (var update in plan.Updates)
            {
                switch (update)
                {
                    case AddRecord add:
                        _records.Add((add.Record.Name, add.Record.Data));
                        break;
                    case DeleteRRset rrset:
                        _records.RemoveAll(r => r.Name == rrset.Name && r.Data.Type == rrset.Type);
                        break;
                    case DeleteAllAtName all:
                        _records.RemoveAll(r => r.Name == all.Name);
                        break;
                    case DeleteRecord one:
                        _records.RemoveAll(r => r.Name == one.Name && r.Data == one.Data);
                        break;
                }
            }

            return ResponseCode.NoError;
        }
    }
}
