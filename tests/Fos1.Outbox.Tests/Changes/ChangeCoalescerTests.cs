using Fos1.Ddns.Leases;
using Fos1.Outbox.Changes;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Changes;

public sealed class ChangeCoalescerTests
{
    [Fact]
    public void Two_adds_for_the_same_key_keep_the_latest()
    {
        var earlier = Add(1);
        var later = Add(1) with { Ttl = 60 };

        Assert.Equal([1], ChangeCoalescer.Coalesce([earlier, later], AddThenRemove.SendRemove));
    }

    [Fact]
    public void An_unsent_add_followed_by_its_remove_sends_only_the_remove_by_default()
    {
        Assert.Equal([1], ChangeCoalescer.Coalesce([Add(1), Remove(1)], AddThenRemove.SendRemove));
    }

    [Fact]
    public void An_unsent_add_followed_by_its_remove_cancels_out_in_cancel_mode()
    {
        Assert.Empty(ChangeCoalescer.Coalesce([Add(1), Remove(1)], AddThenRemove.Cancel));
        Assert.Equal(CoalesceDecision.CancelBoth, ChangeCoalescer.Decide(Add(1), Remove(1), AddThenRemove.Cancel));
    }

    [Fact]
    public void A_remove_followed_by_an_add_keeps_both_in_order()
    {
        Assert.Equal([0, 1], ChangeCoalescer.Coalesce([Remove(1), Add(1)], AddThenRemove.Cancel));
    }

    [Fact]
    public void A_cancelled_pair_leaves_an_earlier_remove_of_the_same_key_in_place()
    {
        Assert.Equal([0], ChangeCoalescer.Coalesce([Remove(1), Add(1), Remove(1)], AddThenRemove.Cancel));
    }

    [Fact]
    public void Two_removes_for_the_same_key_keep_the_latest()
    {
        Assert.Equal([1], ChangeCoalescer.Coalesce([Remove(1), Remove(1)], AddThenRemove.SendRemove));
    }

    [Fact]
    public void Changes_differing_in_address_or_client_never_coalesce()
    {
        NameChange[] changes = [Add(1), Remove(1, address: "10.9.9.9"), Add(1, client: 77), Remove(2)];

        Assert.Equal([0, 1, 2, 3], ChangeCoalescer.Coalesce(changes, AddThenRemove.Cancel));
    }

    [Fact]
    public void A_forward_only_and_a_reverse_only_remove_of_one_lease_are_both_sent()
    {
        // Reconciliation plans one side per change; the second must not swallow the first.
        var forward = Remove(1) with { Reverse = false };
        var reverse = Remove(1) with { Forward = false };

        Assert.Equal([0, 1], ChangeCoalescer.Coalesce([forward, reverse], AddThenRemove.SendRemove));
        Assert.Equal(CoalesceDecision.KeepBoth, ChangeCoalescer.Decide(forward, reverse, AddThenRemove.SendRemove));
    }

    [Fact]
    public void Names_coalesce_case_insensitively()
    {
        var upper = Add(1) with { Fqdn = DnsName.Parse("H1.HOME.ARPA") };

        Assert.Equal([1], ChangeCoalescer.Coalesce([Add(1), upper], AddThenRemove.SendRemove));
    }
}
