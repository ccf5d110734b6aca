using Fos1.Integration.Tests.Infrastructure;
using static Fos1.Integration.Tests.Infrastructure.Changes;

namespace Fos1.Integration.Tests.Ncr;

/// <summary>The real sidecar process fed NameChangeRequests, against a real BIND.</summary>
public sealed class SidecarAgainstBindTests
{
    [Fact]
    public async Task An_add_makes_the_name_resolve_forward_and_backward_with_the_clients_DHCID()
    {
        await using var stack = await DnsStack.StartAsync();
        var add = Add("phone", "192.0.2.10", 1, ttl: 1200);

        await stack.SendAsync(add);

        await stack.WaitForAsync("phone.home.arpa", "A", "192.0.2.10");
        await stack.WaitForAsync("phone.home.arpa", "DHCID", add.Dhcid.ToString());
        await stack.WaitForAsync(Ptr("192.0.2.10"), "PTR", "phone.home.arpa.");
        await stack.WaitForAsync(Ptr("192.0.2.10"), "DHCID", add.Dhcid.ToString());
        var full = await stack.Bind.QueryFullAsync("phone.home.arpa", "A");
        Assert.Equal(1200, Assert.Single(full.Answers).Ttl);
    }

    [Fact]
    public async Task An_IPv6_add_gives_an_AAAA_record_and_an_ip6_arpa_PTR_and_its_remove_takes_both_away()
    {
        await using var stack = await DnsStack.StartAsync();
        var add = Add("laptop", "2001:db8:1::1a", 2);

        await stack.SendAsync(add);
        await stack.WaitForAsync("laptop.home.arpa", "AAAA", "2001:db8:1::1a");
        await stack.WaitForAsync(Ptr("2001:db8:1::1a"), "PTR", "laptop.home.arpa.");
        await stack.SendAsync(Remove(add));

        await stack.WaitForAsync("laptop.home.arpa", "AAAA");
        await stack.WaitForAsync("laptop.home.arpa", "DHCID");
        await stack.WaitForAsync(Ptr("2001:db8:1::1a"), "PTR");
    }

    [Fact]
    public async Task The_same_client_moving_to_a_new_address_replaces_its_A_record()
    {
        await using var stack = await DnsStack.StartAsync();
        var first = Add("tablet", "192.0.2.20", 3);
        await stack.SendAsync(first);
        await stack.WaitForAsync("tablet.home.arpa", "A", "192.0.2.20");

        await stack.SendAsync(Add("tablet", "192.0.2.21", 3));

        await stack.WaitForAsync("tablet.home.arpa", "A", "192.0.2.21");
        await stack.WaitForAsync(Ptr("192.0.2.21"), "PTR", "tablet.home.arpa.");
        await stack.WaitForAsync("tablet.home.arpa", "DHCID", first.Dhcid.ToString());
    }

    [Fact]
    public async Task Another_client_asking_for_a_taken_name_changes_nothing()
    {
        await using var stack = await DnsStack.StartAsync();
        var owner = Add("phone", "192.0.2.10", 1);
        await stack.SendAsync(owner);
        await stack.WaitForAsync("phone.home.arpa", "A", "192.0.2.10");

        await stack.SendAsync(Add("phone", "192.0.2.66", 66));
        await Testbed.Processes.Poll.UntilAsync(() => stack.Sidecar.OutputContains("Add phone.home.arpa 192.0.2.66: Conflict"),
            TimeSpan.FromSeconds(15), "the sidecar to report the conflict", () => stack.Sidecar.RecentOutput);

        await stack.WaitForAsync("phone.home.arpa", "A", "192.0.2.10");
        await stack.WaitForAsync("phone.home.arpa", "DHCID", owner.Dhcid.ToString());
        await stack.WaitForAsync(Ptr("192.0.2.66"), "PTR");
    }

    [Fact]
    public async Task A_static_record_with_the_same_name_is_never_touched()
    {
        await using var stack = await DnsStack.StartAsync(staticForwardRecords: "printer 3600 IN A 192.0.2.5");

        await stack.SendAsync(Add("printer", "192.0.2.30", 4));
        await Testbed.Processes.Poll.UntilAsync(() => stack.Sidecar.OutputContains("Add printer.home.arpa 192.0.2.30: Conflict"),
            TimeSpan.FromSeconds(15), "the sidecar to refuse the static name", () => stack.Sidecar.RecentOutput);
        await stack.SendAsync(Remove(Add("printer", "192.0.2.5", 4)));
        await Testbed.Processes.Poll.UntilAsync(() => stack.Sidecar.OutputContains("Remove printer.home.arpa 192.0.2.5:"),
            TimeSpan.FromSeconds(15), "the sidecar to finish the remove", () => stack.Sidecar.RecentOutput);

        await stack.WaitForAsync("printer.home.arpa", "A", "192.0.2.5");
        await stack.WaitForAsync("printer.home.arpa", "DHCID");
    }

    [Fact]
    public async Task A_remove_deletes_the_forward_and_reverse_records()
    {
        await using var stack = await DnsStack.StartAsync();
        var add = Add("watch", "192.0.2.40", 5);
        await stack.SendAsync(add);
        await stack.WaitForAsync(Ptr("192.0.2.40"), "PTR", "watch.home.arpa.");

        await stack.SendAsync(Remove(add));

        await stack.WaitForAsync("watch.home.arpa", "A");
        await stack.WaitForAsync("watch.home.arpa", "DHCID");
        await stack.WaitForAsync(Ptr("192.0.2.40"), "PTR");
        await stack.WaitForAsync(Ptr("192.0.2.40"), "DHCID");
        var gone = await stack.Bind.QueryFullAsync("watch.home.arpa", "A");
        Assert.Equal("NXDOMAIN", gone.Status);
    }

    [Fact]
    public async Task Malformed_datagrams_are_refused_and_the_next_request_is_still_applied()
    {
        await using var stack = await DnsStack.StartAsync();

        await stack.SendAsync([0, 40, (byte)'{', (byte)'"']);
        await stack.SendAsync("\0\u0002{}"u8.ToArray());
        await stack.SendAsync(Add("tv", "192.0.2.50", 6));

        await stack.WaitForAsync("tv.home.arpa", "A", "192.0.2.50");
        Assert.True(stack.Sidecar.OutputContains("Refused NameChangeRequest"), stack.Sidecar.RecentOutput);
        Assert.True(stack.Sidecar.OutputContains("Truncated"), stack.Sidecar.RecentOutput);
        Assert.True(stack.Sidecar.OutputContains("MissingField"), stack.Sidecar.RecentOutput);
        Assert.True(stack.Sidecar.IsRunning);
    }

    [Fact]
    public async Task Requests_sent_while_BIND_is_down_are_applied_once_it_is_back()
    {
        await using var stack = await DnsStack.StartAsync();
        await stack.Bind.StopAsync();

        await stack.SendAsync(Add("camera", "192.0.2.60", 7));
        await Testbed.Processes.Poll.UntilAsync(() => stack.Sidecar.OutputContains("resending"),
            TimeSpan.FromSeconds(15), "the sidecar to resend to the stopped BIND", () => stack.Sidecar.RecentOutput);
        await stack.Bind.StartAgainAsync();

        await stack.WaitForAsync("camera.home.arpa", "A", "192.0.2.60");
        await stack.WaitForAsync(Ptr("192.0.2.60"), "PTR", "camera.home.arpa.");
    }
}
