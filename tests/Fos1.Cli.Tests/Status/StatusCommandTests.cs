using Fos1.Ctl.Endpoint;
using Fos1.Ctl.Status;

namespace Fos1.Ctl.Tests.Status;

public sealed class StatusCommandTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    internal const string ReadyBody = """
        {"sidecar":"kea","version":"0.1.0","startedAt":"2026-11-29T04:00:00Z","ready":true,
         "readiness":[{"check":"outbox","healthy":true,"reason":"3 pending (limit 10000)"},{"check":"dns","healthy":true,"reason":"127.0.0.1:53 answered"}],
         "sources":[{"name":"ncr","enabled":true,"lastEventAt":"2026-11-29T04:10:00Z","events":12,"rejected":1,"lastError":null},
                    {"name":"hooks","enabled":false,"lastEventAt":null,"events":0,"rejected":0,"lastError":null},
                    {"name":"reconciliation","enabled":true,"lastEventAt":"2026-11-29T04:05:00Z","events":2,"rejected":0,"lastError":"Kea unreachable"}],
         "zones":[{"zone":"home.arpa","servers":["127.0.0.1:53"],"direction":"forward"},{"zone":"2.0.192.in-addr.arpa","servers":["127.0.0.1:53","127.0.0.2:53"],"direction":"reverse"}],
         "outbox":{"pending":3,"oldestAgeSeconds":75.5},
         "lastErrors":[{"at":"2026-11-29T04:06:00Z","message":"UPDATE for home.arpa refused: NOTAUTH"}]}
        """;

    [Fact]
    public void The_summary_shows_readiness_sources_zones_outbox_and_last_errors()
    {
        var status = System.Text.Json.JsonSerializer.Deserialize<SidecarStatus>(ReadyBody, Web)!;

        var text = StatusSummary.Render(status, DateTimeOffset.Parse("2026-11-29T05:23:20Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(
            "kea sidecar 0.1.0, up 1 h 23 m (since 2026-11-29T04:00:00Z): READY\n" +
            "readiness:\n" +
            "  ok    outbox: 3 pending (limit 10000)\n" +
            "  ok    dns: 127.0.0.1:53 answered\n" +
            "sources:\n" +
            "  ncr             on   events 12, rejected 1, last 2026-11-29T04:10:00Z\n" +
            "  hooks           off\n" +
            "  reconciliation  on   events 2, rejected 0, last 2026-11-29T04:05:00Z; last error: Kea unreachable\n" +
            "zones:\n" +
            "  home.arpa (forward) -> 127.0.0.1:53\n" +
            "  2.0.192.in-addr.arpa (reverse) -> 127.0.0.1:53, 127.0.0.2:53\n" +
            "outbox: 3 pending, oldest 1 m 15 s\n" +
            "last errors:\n" +
            "  2026-11-29T04:06:00Z  UPDATE for home.arpa refused: NOTAUTH\n",
            text);
    }

    [Fact]
    public async Task A_ready_sidecar_is_exit_code_0()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["GET /status"] = (200, ReadyBody) });

        var run = await CliRun.RunAsync("status", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("kea sidecar 0.1.0, up ", run.Output, StringComparison.Ordinal);
        Assert.Contains("): READY\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sidecar_that_is_not_ready_is_exit_code_1_and_names_the_failing_check()
    {
        var body = """{"sidecar":"kea","ready":false,"readiness":[{"check":"dns","healthy":false,"reason":"127.0.0.1:53: no answer"}]}""";
        await using var stub = new StubSidecarEndpoint(new() { ["GET /status"] = (200, body) });

        var run = await CliRun.RunAsync("status", "--endpoint", "http://" + stub.Endpoint);

        Assert.Equal(ExitCodes.Attention, run.ExitCode);
        Assert.Contains("NOT READY\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("  FAIL  dns: 127.0.0.1:53: no answer\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parts_the_sidecar_answers_as_null_read_as_empty()
    {
        var body = """{"sidecar":null,"ready":true,"readiness":null,"sources":null,"zones":null,"lastErrors":null}""";
        await using var stub = new StubSidecarEndpoint(new() { ["GET /status"] = (200, body) });

        var run = await CliRun.RunAsync("status", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            "? sidecar (unknown version): READY\nreadiness:\n  (no checks reported)\nsources:\nzones:\noutbox: (not reported)\nlast errors: none\n",
            run.Output);
    }

    [Fact]
    public async Task Json_prints_the_sidecars_answer_as_served()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["GET /status"] = (200, ReadyBody) });

        var run = await CliRun.RunAsync("status", "--endpoint", stub.Endpoint, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(ReadyBody + "\n", run.Output);
    }

    [Fact]
    public async Task Nothing_listening_is_exit_code_3_naming_the_url()
    {
        var run = await CliRun.RunAsync("status", "--endpoint", $"127.0.0.1:{StubSidecarEndpoint.FreeTcpPort()}");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith("fos1ctl: GET http://127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("/status failed: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_status_json_is_exit_code_3()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["GET /status"] = (200, "<html>hello</html>") });

        var run = await CliRun.RunAsync("status", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("answered something other than the sidecar's JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_endpoint_is_exit_code_2()
    {
        var run = await CliRun.RunAsync("status", "--endpoint", "ftp://x");

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
    }
}
