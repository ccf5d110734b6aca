using System.Text;
using System.Text.Json.Nodes;
using Fos1.Kea.ControlSocket;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Tests.ControlSocket;

public sealed class KeaUnixSocketChannelTests
{
    private static readonly KeaCommand Page = new("lease4-get-page", new JsonObject { ["from"] = "start", ["limit"] = 2 });

    [Fact]
    public async Task A_reply_that_is_not_JSON_is_refused_with_a_message_naming_the_command()
    {
        await using var kea = new ScriptedKeaSocket(_ => "<html>not kea</html>"u8.ToArray());
        var channel = new KeaUnixSocketChannel(kea.Path);

        var error = await Assert.ThrowsAsync<KeaControlException>(() => channel.SendAsync(Page, CancellationToken.None));

        Assert.Equal(KeaControlFailure.MalformedReply, error.Failure);
        Assert.StartsWith($"Kea's reply to 'lease4-get-page' from unix:{kea.Path} is not JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"text\":\"no result\"}", "has no integer \"result\"")]
    [InlineData("[]", "is an empty list (the Control Agent routes to no service?)")]
    [InlineData("42", "is a JSON Number, not an object")]
    [InlineData("{\"result\":0,\"arguments\":[1]}", "has \"arguments\" that are not an object")]
    public async Task Replies_of_the_wrong_shape_are_refused(string reply, string problem)
    {
        await using var kea = new ScriptedKeaSocket(_ => Encoding.UTF8.GetBytes(reply));
        var channel = new KeaUnixSocketChannel(kea.Path);

        var error = await Assert.ThrowsAsync<KeaControlException>(() => channel.SendAsync(Page, CancellationToken.None));

        Assert.Equal((KeaControlFailure.MalformedReply, $"Kea's reply to 'lease4-get-page' from unix:{kea.Path} {problem}"), (error.Failure, error.Message));
    }

    [Fact]
    public async Task A_reply_above_the_size_cap_is_refused_without_reading_it_all()
    {
        await using var kea = new ScriptedKeaSocket(_ => new byte[4 * 1024 * 1024]);
        var channel = new KeaUnixSocketChannel(kea.Path, maxReplyBytes: 1024 * 1024);

        var error = await Assert.ThrowsAsync<KeaControlException>(() => channel.SendAsync(Page, CancellationToken.None));

        Assert.Equal(KeaControlFailure.ReplyTooLarge, error.Failure);
        Assert.Contains("exceeds 1048576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_socket_is_reported_as_unreachable()
    {
        var channel = new KeaUnixSocketChannel("/nonexistent/fos1/kea.sock");

        var error = await Assert.ThrowsAsync<KeaControlException>(() => channel.SendAsync(Page, CancellationToken.None));

        Assert.Equal(KeaControlFailure.Unreachable, error.Failure);
        Assert.Contains("unix:/nonexistent/fos1/kea.sock is unreachable for 'lease4-get-page'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_counts_failures_and_reports_a_command_error_with_Keas_text()
    {
        await using var kea = new ScriptedKeaSocket(_ => "{\"result\":2,\"text\":\"'lease4-get-page' command not supported.\"}"u8.ToArray());
        using var meters = new TestMeters();
        var pager = new KeaLeasePager(new KeaUnixSocketChannel(kea.Path), new KeaControlMetrics(meters), NullLogger<KeaLeasePager>.Instance);

        var error = await Assert.ThrowsAsync<KeaControlException>(() => pager.ReadActiveAsync(4));

        Assert.Equal(KeaControlFailure.CommandFailed, error.Failure);
        Assert.Equal(
            $"'lease4-get-page' from unix:{kea.Path} failed with result 2: 'lease4-get-page' command not supported. (is libdhcp_lease_cmds.so loaded?)",
            error.Message);
        Assert.Equal(1, meters.Total("fos1.kea.control.failures"));
    }

    [Fact]
    public async Task A_malformed_lease_in_a_page_is_skipped_and_counted_and_paging_goes_on()
    {
        string[] pages =
        [
            """{"result":0,"arguments":{"count":2,"leases":[{"ip-address":"192.0.2.9","hw-address":"zz","valid-lft":60,"cltt":1,"subnet-id":1},{"ip-address":"192.0.2.10","hw-address":"0a:0b:0c:0d:0e:0f","valid-lft":60,"cltt":100,"subnet-id":1,"state":0}]}}""",
            """{"result":0,"arguments":{"count":1,"leases":[{"ip-address":"192.0.2.11","hw-address":"0a:0b:0c:0d:0e:10","valid-lft":60,"cltt":100,"subnet-id":1,"state":1}]}}""",
        ];
        await using var kea = new ScriptedKeaSocket(n => Encoding.UTF8.GetBytes(pages[n]));
        using var meters = new TestMeters();
        var pager = new KeaLeasePager(new KeaUnixSocketChannel(kea.Path), new KeaControlMetrics(meters), NullLogger<KeaLeasePager>.Instance, pageSize: 2);

        var all = await pager.ReadAllAsync(4).ToListAsync();

        Assert.Equal(["192.0.2.10", "192.0.2.11"], all.Select(lease => lease.Lease.Address.ToString()));
        Assert.Equal([KeaLeaseState.Default, KeaLeaseState.Declined], all.Select(lease => lease.State));
        Assert.Equal(1, meters.Total("fos1.kea.control.leases_rejected"));
        Assert.Equal(3, meters.Total("fos1.kea.control.leases"));
        Assert.Equal(
            ["""{"command":"lease4-get-page","arguments":{"from":"start","limit":2}}""", """{"command":"lease4-get-page","arguments":{"from":"192.0.2.10","limit":2}}"""],
            kea.Requests);
    }
}
