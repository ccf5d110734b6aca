using Fos1.Dns.Dispatch;

namespace Fos1.Dns.Tests.Dispatch;

public sealed class ChangeOrderingTests
{
    private sealed record Item(string Name, params string[] Keys);

    private static ChangeOrdering<Item> Ordering(int maxRunning) => new(item => item.Keys, maxRunning);

    [Fact]
    public void Changes_sharing_no_key_start_at_once_up_to_the_limit()
    {
        var ordering = Ordering(maxRunning: 2);

        Assert.Equal(["a"], ordering.Arrive(new("a", "k1")).Select(i => i.Name));
        Assert.Equal(["b"], ordering.Arrive(new("b", "k2")).Select(i => i.Name));
        Assert.Empty(ordering.Arrive(new("c", "k3")));
        Assert.Equal((2, 1), (ordering.Running, ordering.Waiting));
    }

    [Fact]
    public void A_change_sharing_any_key_with_a_running_one_waits_for_it()
    {
        var ordering = Ordering(maxRunning: 8);
        var release = new Item("release-of-old-client", "dhcid-old", "name", "addr");
        ordering.Arrive(release);

        Assert.Empty(ordering.Arrive(new("add-of-new-client", "dhcid-new", "name", "addr2")));
        Assert.Equal(["add-of-new-client"], ordering.Finish(release).Select(i => i.Name));
    }

    [Fact]
    public void A_later_change_never_overtakes_an_earlier_waiting_one_it_shares_a_key_with()
    {
        var ordering = Ordering(maxRunning: 8);
        var first = new Item("first", "x");
        ordering.Arrive(first);
        ordering.Arrive(new("second", "x", "y"));

        // "third" shares nothing with the running "first", but must wait behind "second" on key y.
        Assert.Empty(ordering.Arrive(new("third", "y")));
        Assert.Equal(["other"], ordering.Arrive(new("other", "z")).Select(i => i.Name));
        Assert.Equal(["second"], ordering.Finish(first).Select(i => i.Name));
    }

    [Fact]
    public void Finishing_frees_a_slot_for_the_oldest_startable_change()
    {
        var ordering = Ordering(maxRunning: 1);
        var a = new Item("a", "1");
        ordering.Arrive(a);
        ordering.Arrive(new("b", "2"));
        ordering.Arrive(new("c", "3"));

        Assert.Equal(["b"], ordering.Finish(a).Select(i => i.Name));
        Assert.Equal((1, 1), (ordering.Running, ordering.Waiting));
    }

    [Fact]
    public void A_vacated_change_frees_its_slot_for_another_key_but_keeps_its_own_keys_until_it_finishes()
    {
        var ordering = Ordering(maxRunning: 1);
        var first = new Item("first", "client-1");
        ordering.Arrive(first);
        ordering.Arrive(new("same-client", "client-1"));
        ordering.Arrive(new("other-client", "client-2"));

        Assert.Equal(["other-client"], ordering.Vacate(first).Select(i => i.Name));
        Assert.Equal((1, 1), (ordering.Running, ordering.Waiting));
        Assert.Empty(ordering.Vacate(first));

        // Finishing the vacated change frees its key but no second slot: "other-client" still runs.
        Assert.Empty(ordering.Finish(first));
        Assert.Equal((1, 1), (ordering.Running, ordering.Waiting));
    }

    [Fact]
    public void A_change_waiting_for_a_vacated_one_starts_when_that_one_finishes()
    {
        var ordering = Ordering(maxRunning: 4);
        var add = new Item("add", "client-1", "name");
        ordering.Arrive(add);
        ordering.Arrive(new("release", "client-1", "name"));

        Assert.Empty(ordering.Vacate(add));
        Assert.Equal(["release"], ordering.Finish(add).Select(i => i.Name));
        Assert.Equal((1, 0), (ordering.Running, ordering.Waiting));
    }
}
