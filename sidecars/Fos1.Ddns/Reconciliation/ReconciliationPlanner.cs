using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Records;

namespace Fos1.Ddns.Reconciliation;

/// <summary>
/// Compares the records active leases should have with what the zones hold and plans the difference. Only
/// names carrying a DHCID are ever changed: a name without one (a static record, another tool's) and a name
/// whose DHCID is another client's are reported and counted, never touched, exactly as RFC 4703 conflict
/// resolution would refuse them. Pure: the caller supplies the leases' adds and the zones' records.
/// </summary>
public static class ReconciliationPlanner
{
    /// <param name="desired">One add per active lease (other kinds are ignored): fqdn, address, DHCID, sides.</param>
    /// <param name="current">The A, AAAA, PTR and DHCID records of the zones (other types are ignored).</param>
    /// <param name="observedZones">The zones <paramref name="current"/> was read from: desired names outside them are not judged.</param>
    public static ReconciliationPlan Plan(
        IEnumerable<NameChange> desired, IEnumerable<DnsRecord> current, IReadOnlyCollection<DnsName> observedZones)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(observedZones);
        var index = OwnerRecords.Index(current);
        // Reverse names are matched by the address they spell: cheaper than spelling 10,000 reverse names.
        var reverseIndex = new Dictionary<IPAddress, (DnsName Name, OwnerRecords Owner)>();
        foreach (var (name, owner) in index)
        {
            if (ReverseAddress.IsReverse(name) && ReverseAddress.TryParse(name, out var address))
            {
                reverseIndex[address] = (name, owner);
            }
        }

        var tally = new Tally();
        var adds = new List<ReconciliationItem>();
        var leaves = new List<ReconciliationItem>();
        var forwardBacking = new Dictionary<DnsName, List<NameChange>>();
        var reverseBacked = new HashSet<IPAddress>();
        var missingFamilies = new HashSet<(DnsName, Dhcid, System.Net.Sockets.AddressFamily)>();

        foreach (var lease in desired)
        {
            if (lease.Kind != NameChangeKind.Add)
            {
                continue;
            }

            if (lease.Forward)
            {
                if (!forwardBacking.TryGetValue(lease.Fqdn, out var backing))
                {
                    backing = [];
                    forwardBacking.Add(lease.Fqdn, backing);
                }

                backing.Add(lease);
                var item = JudgeForward(lease, index, observedZones, tally);
                if (item?.Reason == ReconciliationReason.ForwardAddressMissing)
                {
                    missingFamilies.Add((lease.Fqdn, lease.Dhcid, lease.Address.AddressFamily));
                }

                Collect(item, adds, leaves);
                if (item?.Reason is ReconciliationReason.ForwardOwnedByAnotherClient or ReconciliationReason.ForwardHeldWithoutDhcid)
                {
                    // As RFC 4703 (and D2) would: a client refused its name gets no PTR to it either.
                    reverseBacked.Add(lease.Address);
                    Collect(Leave(ReconciliationReason.ReverseSkippedNameNotOurs, ReverseName.For(lease.Address),
                        $"lease {lease.Address} gets no PTR: its name {lease.Fqdn} is not the client's"), adds, leaves);
                    continue;
                }
            }

            if (lease.Reverse)
            {
                reverseBacked.Add(lease.Address);
                Collect(JudgeReverse(lease, reverseIndex, observedZones, tally), adds, leaves);
            }
        }

        var removes = new List<ReconciliationItem>();
        foreach (var (name, owner) in index)
        {
            if (owner.Dhcids.Count == 0)
            {
                continue;
            }

            if (ReverseAddress.IsReverse(name))
            {
                if (ReverseAddress.TryParse(name, out var address) && !reverseBacked.Contains(address))
                {
                    Collect(PlanReverseRemove(name, address, owner, tally), removes, leaves);
                }
            }
            else
            {
                PlanForwardRemoves(name, owner, forwardBacking.GetValueOrDefault(name), missingFamilies, removes, tally);
            }
        }

        var counts = new ReconciliationCounts(
            tally.DesiredSides, tally.InSync, adds.Count, removes.Count, tally.Conflicts, tally.HeldWithoutDhcid, tally.Unobserved, tally.ReportedOnly);
        return new ReconciliationPlan([.. adds, .. removes, .. leaves], counts);
    }

    private static ReconciliationItem? JudgeForward(
        NameChange lease, Dictionary<DnsName, OwnerRecords> index, IReadOnlyCollection<DnsName> zones, Tally tally)
    {
        tally.DesiredSides++;
        string Wants() => $"lease {lease.Address} (DHCID {lease.Dhcid}) wants {lease.Fqdn}";
        if (!IsObserved(lease.Fqdn, zones))
        {
            tally.Unobserved++;
            return Leave(ReconciliationReason.ZoneNotObserved, lease.Fqdn, $"{Wants()}; no observed zone contains it");
        }

        var owner = index.GetValueOrDefault(lease.Fqdn);
        if (owner is null || owner.IsEmpty)
        {
            return Add(ReconciliationReason.ForwardMissing, lease, forward: true, $"{Wants()}; the name has no records");
        }

        if (owner.Dhcids.Count == 0)
        {
            tally.HeldWithoutDhcid++;
            return Leave(ReconciliationReason.ForwardHeldWithoutDhcid, lease.Fqdn, $"{Wants()}; the name holds {owner.Describe()} without a DHCID");
        }

        if (!owner.Dhcids.Contains(lease.Dhcid))
        {
            tally.Conflicts++;
            return Leave(ReconciliationReason.ForwardOwnedByAnotherClient, lease.Fqdn, $"{Wants()}; the name holds {owner.Describe()}");
        }

        if (!owner.Addresses.Contains(lease.Address))
        {
            return Add(ReconciliationReason.ForwardAddressMissing, lease, forward: true, $"{Wants()}; the name holds {owner.Describe()}");
        }

        tally.InSync++;
        return null;
    }

    private static ReconciliationItem? JudgeReverse(
        NameChange lease, Dictionary<IPAddress, (DnsName Name, OwnerRecords Owner)> reverseIndex, IReadOnlyCollection<DnsName> zones, Tally tally)
    {
        tally.DesiredSides++;
        var (reverse, owner) = reverseIndex.TryGetValue(lease.Address, out var found) ? found : (ReverseName.For(lease.Address), null);
        string Wants() => $"lease {lease.Address} (DHCID {lease.Dhcid}) wants {reverse} PTR {lease.Fqdn}";
        if (owner is null && !IsObserved(reverse, zones))
        {
            tally.Unobserved++;
            return Leave(ReconciliationReason.ZoneNotObserved, reverse, $"{Wants()}; no observed zone contains it");
        }

        if (owner is null || owner.IsEmpty)
        {
            return Add(ReconciliationReason.ReverseMissing, lease, forward: false, $"{Wants()}; the reverse name has no records");
        }

        if (owner.Dhcids.Count == 0)
        {
            tally.HeldWithoutDhcid++;
            return Leave(ReconciliationReason.ReverseHeldWithoutDhcid, reverse, $"{Wants()}; it holds {owner.Describe()} without a DHCID");
        }

        if (!owner.Dhcids.Contains(lease.Dhcid))
        {
            tally.Conflicts++;
            return Leave(ReconciliationReason.ReverseOwnedByAnotherClient, reverse, $"{Wants()}; it holds {owner.Describe()}");
        }

        if (owner.PtrTargets.Count != 1 || owner.PtrTargets[0] != lease.Fqdn)
        {
            return Add(ReconciliationReason.ReversePointsElsewhere, lease, forward: false, $"{Wants()}; it holds {owner.Describe()}");
        }

        tally.InSync++;
        return null;
    }

    private static ReconciliationItem? PlanReverseRemove(DnsName name, IPAddress address, OwnerRecords owner, Tally tally)
    {
        var held = $"{name} holds {owner.Describe()} and no active lease holds {address}";
        if (owner.PtrTargets.Count == 0)
        {
            tally.ReportedOnly++;
            return Leave(ReconciliationReason.ReverseLeftoverWithoutPtr, name, held);
        }

        var change = Remove(forward: false, owner.PtrTargets[0], address, owner.Dhcids[0]);
        return new ReconciliationItem(ReconciliationAction.Remove, ReconciliationReason.UnbackedReverseName, name, change, held);
    }

    private static void PlanForwardRemoves(
        DnsName name,
        OwnerRecords owner,
        List<NameChange>? backing,
        HashSet<(DnsName, Dhcid, System.Net.Sockets.AddressFamily)> missingFamilies,
        List<ReconciliationItem> removes,
        Tally tally)
    {
        var dhcid = owner.Dhcids[0];
        if (backing is null)
        {
            var held = $"{name} holds {owner.Describe()} and no active lease names it";
            // A DHCID without addresses still blocks the name: removing a non-existent address lets the
            // RFC 4703 name-remove step (no A, no AAAA left) delete it.
            IEnumerable<IPAddress> addresses = owner.Addresses.Count == 0 ? [IPAddress.Any] : owner.Addresses;
            foreach (var address in addresses)
            {
                removes.Add(new ReconciliationItem(
                    ReconciliationAction.Remove, ReconciliationReason.UnbackedForwardName, name, Remove(forward: true, name, address, dhcid), held));
            }

            return;
        }

        var owning = backing.Where(lease => owner.Dhcids.Contains(lease.Dhcid)).ToList();
        if (owning.Count == 0)
        {
            // Another client's DHCID at a leased name: the add side has counted the conflict.
            return;
        }

        foreach (var address in owner.Addresses)
        {
            var lease = owning[0];
            if (owning.Any(l => l.Address.Equals(address))
                || missingFamilies.Contains((name, lease.Dhcid, address.AddressFamily)))
            {
                // Backed, or about to be replaced by the forward replace of the pending add.
                continue;
            }

            removes.Add(new ReconciliationItem(
                ReconciliationAction.Remove,
                ReconciliationReason.StaleForwardAddress,
                name,
                Remove(forward: true, name, address, lease.Dhcid),
                $"{name} belongs to lease {lease.Address} (DHCID {lease.Dhcid}) but also holds {address}"));
        }
    }

    private static bool IsObserved(DnsName name, IReadOnlyCollection<DnsName> zones)
    {
        foreach (var zone in zones)
        {
            if (name.IsAtOrBelow(zone))
            {
                return true;
            }
        }

        return false;
    }

    private static ReconciliationItem Add(ReconciliationReason reason, NameChange lease, bool forward, string detail) =>
        new(ReconciliationAction.Add, reason, forward ? lease.Fqdn : ReverseName.For(lease.Address),
            lease with { Forward = forward, Reverse = !forward }, detail);

    private static ReconciliationItem Leave(ReconciliationReason reason, DnsName name, string detail) =>
        new(ReconciliationAction.Leave, reason, name, null, detail);

    private static NameChange Remove(bool forward, DnsName fqdn, IPAddress address, Dhcid dhcid) =>
        new(NameChangeKind.Remove, forward, !forward, fqdn, address, dhcid, Ttl: 0, UseConflictResolution: true, LeaseExpiresOn: null);

    private static void Collect(ReconciliationItem? item, List<ReconciliationItem> changes, List<ReconciliationItem> leaves)
    {
        if (item is not null)
        {
            (item.Action == ReconciliationAction.Leave ? leaves : changes).Add(item);
        }
    }

    private sealed class Tally
    {
        public int DesiredSides;
        public int InSync;
        public int Conflicts;
        public int HeldWithoutDhcid;
        public int Unobserved;
        public int ReportedOnly;
    }
}
