using System.Net;
using System.Text.Json;
using Fos1.Integration.Tests.Infrastructure;
using static Fos1.Integration.Tests.Infrastructure.Changes;

namespace Fos1.Integration.Tests.Observability;

/// <summary>The real kea sidecar's /metrics, /healthz, /readyz and /status while real NameChangeRequests flow to a real BIND.</summary>
public sealed class KeaSidecarEndpointTests
{
    [Fact]
    public async Task Metrics_move_by_exactly_the_number_of_name_changes_received_and_applied()
    {
        await using var stack = await ObservedKeaStack.StartAsync();
        var before = await stack.Http.ScrapeAsync();
        var adds = new[] { Add("obs1", "192.0.2.41", 41), Add("obs2", "192.0.2.42", 42), Add("obs3", "192.0.2.43", 43) };

        foreach (var add in adds)
        {
            await stack.SendAsync(add);
        }

        foreach (var add in adds)
        {
            await stack.WaitForAsync(add.Fqdn.Text.TrimEnd('.'), "A", add.Address.ToString());
        }

        var after = await stack.Http.ScrapeUntilAsync(
            s => s.Sum("fos1_ddns_changes_total") - before.Sum("fos1_ddns_changes_total") >= 3, "three finished changes", () => stack.Sidecar.RecentOutput);
        Assert.Equal(3, Delta("fos1_ncr_received_total", "change=add"));
        Assert.Equal(3, Delta("fos1_lease_changes_total", "source=Ncr", "change=Add"));
        Assert.Equal(3, Delta("fos1_dns_updates_total", "zone=home.arpa", "step=ForwardAdd", "rcode=NoError"));
        Assert.Equal(3, Delta("fos1_dns_updates_total", "zone=2.0.192.in-addr.arpa", "step=ReverseReplace", "rcode=NoError"));
        Assert.Equal(3, Delta("fos1_ddns_changes_total"));
        Assert.Equal(0, Delta("fos1_ncr_rejected_total"));

        double Delta(string name, params string[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
    }

    [Fact]
    public async Task Status_shows_the_sources_with_their_accepted_and_refused_events_the_zones_and_the_outbox_and_resync_is_refused_without_reconciliation()
    {
        await using var stack = await ObservedKeaStack.StartAsync();
        var add = Add("status", "192.0.2.44", 44);
        await stack.SendAsync([0, 9, (byte)'{', (byte)'}']); // truncated: refused
        await stack.SendAsync(add);
        await stack.WaitForAsync("status.home.arpa", "A", "192.0.2.44");

        JsonElement status = default;
        await Testbed.Processes.Poll.UntilAsync(
            async _ => (status = (await stack.Http.GetJsonAsync("/status")).RootElement).GetProperty("outbox").GetProperty("pending").GetInt32() == 0,
            TimeSpan.FromSeconds(15), "the outbox to drain", () => status.ToString());

        Assert.Equal("kea", status.GetProperty("sidecar").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("version").GetString()));
        Assert.True(DateTimeOffset.UtcNow - status.GetProperty("startedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        Assert.True(status.GetProperty("ready").GetBoolean(), status.ToString());
        var readiness = status.GetProperty("readiness").EnumerateArray()
            .Select(c => $"{c.GetProperty("check").GetString()} {c.GetProperty("healthy").GetBoolean()}").ToList();
        Assert.Equal(["source:ncr True", "dns:home.arpa. True", "dns:2.0.192.in-addr.arpa. True", "dns:1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. True", "outbox True"], readiness);
        var sources = status.GetProperty("sources").EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("enabled").GetBoolean()} {s.GetProperty("events").GetInt64()} {s.GetProperty("rejected").GetInt64()}")
            .ToList();
        Assert.Equal(["ncr True 1 1", "hooks False 0 0", "memfile False 0 0", "reconciliation False 0 0", "expiry True 0 0"], sources);
        var ncr = status.GetProperty("sources")[0];
        Assert.Equal(JsonValueKind.String, ncr.GetProperty("lastEventAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, ncr.GetProperty("lastError").ValueKind);
        var zones = status.GetProperty("zones").EnumerateArray()
            .Select(z => $"{z.GetProperty("zone").GetString()} {z.GetProperty("direction").GetString()} {string.Join(",", z.GetProperty("servers").EnumerateArray().Select(s => s.GetString()))}")
            .ToList();
        var server = stack.Bind.Endpoint.ToString();
        Assert.Equal([$"home.arpa. forward {server}", $"2.0.192.in-addr.arpa. reverse {server}", $"1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. reverse {server}"], zones);
        Assert.Equal(0, status.GetProperty("outbox").GetProperty("oldestAgeSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Array, status.GetProperty("lastErrors").ValueKind);

        Assert.Equal((HttpStatusCode.OK, "ok\n"), await stack.Http.GetAsync("/healthz"));
        var (resync, error) = await stack.Http.PostAsync("/resync");
        Assert.Equal(HttpStatusCode.Conflict, resync);
        Assert.StartsWith("reconciliation is not configured", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_is_503_naming_the_zone_while_BIND_is_down_and_200_again_once_it_answers()
    {
        await using var stack = await ObservedKeaStack.StartAsync("--Fos1:RetryMaxDelayMs=300", "--DhcpDdns:dns-server-timeout=200");
        await stack.Http.ReadinessUntilAsync(HttpStatusCode.OK, _ => true, () => stack.Sidecar.RecentOutput);

        await stack.Bind.StopAsync();
        await stack.SendAsync(Add("outage", "192.0.2.45", 45));

        var failing = await stack.Http.ReadinessUntilAsync(HttpStatusCode.ServiceUnavailable,
            body => body.Contains($"FAIL dns:home.arpa.: {stack.Bind.Endpoint} unreachable or refusing our key (", StringComparison.Ordinal),
            () => stack.Sidecar.RecentOutput);
        Assert.StartsWith("not ready\nok   source:ncr: listening on ", failing, StringComparison.Ordinal);
        var status = (await stack.Http.GetJsonAsync("/status")).RootElement;
        Assert.False(status.GetProperty("ready").GetBoolean());
        Assert.Equal(1, status.GetProperty("outbox").GetProperty("pending").GetInt32());
        Assert.NotEmpty(status.GetProperty("lastErrors").EnumerateArray());

        await stack.Bind.StartAgainAsync();

        var ready = await stack.Http.ReadinessUntilAsync(HttpStatusCode.OK,
            body => body.Contains("ok   dns:home.arpa.: ", StringComparison.Ordinal) && body.Contains("answered NoError", StringComparison.Ordinal),
            () => stack.Sidecar.RecentOutput);
        Assert.StartsWith("ready\n", ready, StringComparison.Ordinal);
        await stack.WaitForAsync("outage.home.arpa", "A", "192.0.2.45");
    }
}
