using System.Text;
using System.Text.Json.Nodes;
using Fos1.Kea.ControlSocket;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Tests.ControlSocket;

/// <summary>A page is read the same whether the channel kept the reply's bytes or only its parsed arguments.</summary>
public sealed class KeaLeasePagerReplyTests
{
    private const string Page = """
        {"result":0,"text":"2 IPv4 lease(s) found.","arguments":{"count":2,"leases":[
          {"ip-address":"192.0.2.10","hw-address":"02:00:00:00:00:0a","hostname":"a.home.arpa","valid-lft":600,"cltt":1795914904,"subnet-id":1,"state":0},
          {"ip-address":"192.0.2.11","hw-address":"oops","valid-lft":600,"cltt":1795914904,"subnet-id":1}]}}
        """;

    private sealed class OnePage(bool keepBytes) : IKeaControlChannel
    {
        public string Endpoint => "test";

        public Task<KeaCommandResponse> SendAsync(KeaCommand command, CancellationToken cancellationToken)
        {
            var bytes = Encoding.UTF8.GetBytes(Page);
            var response = KeaReply.Parse(bytes, Endpoint, command.Name);
            return Task.FromResult(keepBytes ? response : new KeaCommandResponse(response.Result, response.Text, response.Arguments));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_short_page_ends_the_listing_and_a_malformed_lease_is_skipped_and_counted(bool keepBytes)
    {
        using var meters = new TestMeters();
        var pager = new KeaLeasePager(new OnePage(keepBytes), new KeaControlMetrics(meters), NullLogger<KeaLeasePager>.Instance, pageSize: 100);

        var leases = await pager.ReadAllAsync(4).ToListAsync();

        var lease = Assert.Single(leases).Lease;
        Assert.Equal(("192.0.2.10", "a.home.arpa", "02000000000A"), (lease.Address.ToString(), lease.Hostname, Convert.ToHexString(lease.HardwareAddress!)));
        Assert.Equal(2, meters.Total("fos1.kea.control.leases"));
    }

    [Fact]
    public void A_reply_parsed_from_an_array_of_bytes_keeps_them()
    {
        var bytes = Encoding.UTF8.GetBytes(Page);

        Assert.Equal(bytes, KeaReply.Parse(bytes, "test", "lease4-get-page").Utf8Json.ToArray());
        Assert.True(KeaReply.Parse(bytes.AsSpan(), "test", "lease4-get-page").Utf8Json.IsEmpty);
        Assert.IsType<JsonObject>(KeaReply.Parse(bytes, "test", "lease4-get-page").Arguments);
    }
}
