using Fos1.Observability.Readiness;

namespace Fos1.Observability.Tests.Readiness;

public sealed class ReadinessReportTests
{
    [Fact]
    public void A_sidecar_without_checks_is_ready()
    {
        var report = ReadinessReport.Evaluate([]);

        Assert.True(report.Ready);
        Assert.Equal("ready\n", report.ToText());
    }

    [Fact]
    public void Every_check_appears_with_its_reason_and_one_failing_check_makes_the_sidecar_not_ready()
    {
        var report = ReadinessReport.Evaluate(
        [
            new FixedCheck("ncr-listener", ReadinessResult.Ok("bound to 127.0.0.1:53001")),
            new FixedCheck("dns:home.arpa.", ReadinessResult.Failing("127.0.0.1:53 unreachable (Timeout)")),
            new FixedCheck("outbox", ReadinessResult.Ok("3 pending (limit 10000)")),
        ]);

        Assert.False(report.Ready);
        Assert.Equal(
            "not ready\n" +
            "ok   ncr-listener: bound to 127.0.0.1:53001\n" +
            "FAIL dns:home.arpa.: 127.0.0.1:53 unreachable (Timeout)\n" +
            "ok   outbox: 3 pending (limit 10000)\n",
            report.ToText());
    }

    [Fact]
    public void All_healthy_checks_make_the_sidecar_ready()
    {
        var report = ReadinessReport.Evaluate([new FixedCheck("store", ReadinessResult.Ok("2 zones open"))]);

        Assert.True(report.Ready);
        Assert.Equal([new ReadinessCheckResult("store", true, "2 zones open")], report.Checks);
    }

    [Fact]
    public void A_check_that_throws_is_failing_with_the_exception_as_its_reason_and_the_others_still_run()
    {
        var report = ReadinessReport.Evaluate(
        [
            new ThrowingCheck(),
            new FixedCheck("store", ReadinessResult.Ok("open")),
        ]);

        Assert.False(report.Ready);
        Assert.Equal(
            [
                new ReadinessCheckResult("broken", false, "check failed: InvalidOperationException: state went away"),
                new ReadinessCheckResult("store", true, "open"),
            ],
            report.Checks);
    }

    private sealed class FixedCheck(string name, ReadinessResult result) : IReadinessCheck
    {
        public string Name => name;

        public ReadinessResult Check() => result;
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        public string Name => "broken";

        public ReadinessResult Check() => throw new InvalidOperationException("state went away");
    }
}
