namespace Fos1.Ctl.Tests.Resync;

public sealed class ResyncCommandTests
{
    [Fact]
    public async Task A_run_that_found_drift_prints_its_counts_and_is_exit_code_1()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["POST /resync"] = (200, """{"leases":10,"added":2,"removed":1,"conflicts":1,"durationMs":12.5}""") });

        var run = await CliRun.RunAsync("resync", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.Attention, run.ExitCode);
        Assert.Equal("Reconciled 10 active leases in 12.5 ms: 2 to add, 1 to remove (queued), 1 conflicts left alone\n", run.Output);
        Assert.Equal(["POST /resync"], stub.Requests);
    }

    [Fact]
    public async Task A_run_without_drift_is_exit_code_0()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["POST /resync"] = (200, """{"leases":10,"added":0,"removed":0,"conflicts":0,"durationMs":3}""") });

        var run = await CliRun.RunAsync("resync", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task Reconciliation_not_configured_is_exit_code_2_with_the_sidecars_reason()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["POST /resync"] = (409, """{"error":"reconciliation is not configured"}""") });

        var run = await CliRun.RunAsync("resync", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Equal("fos1ctl: resync refused: reconciliation is not configured\n", run.Error);
    }

    [Fact]
    public async Task A_failed_run_is_exit_code_3_with_the_sidecars_error()
    {
        await using var stub = new StubSidecarEndpoint(new() { ["POST /resync"] = (502, """{"error":"reconciliation failed, nothing changed: Kea unreachable"}""") });

        var run = await CliRun.RunAsync("resync", "--endpoint", stub.Endpoint);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("502 Bad Gateway: reconciliation failed, nothing changed: Kea unreachable", run.Error, StringComparison.Ordinal);
    }
}
