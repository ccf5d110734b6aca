using Fos1.Testbed.Kea;

namespace Fos1.Testbed.Tests.Kea;

public sealed class PerfdhcpReportTests
{
    [Fact]
    public void Each_statistics_block_becomes_an_exchange_with_sent_received_and_drops()
    {
        const string Output = """
            ***Statistics for: DISCOVER-OFFER***
            sent packets: 20
            received packets: 19
            drops: 1
            drops ratio: 5 %
            min delay: 0.490 ms
            ***Statistics for: RELEASE***
            sent packets: 9
            received packets: 0
            drops: 9
            """;

        var report = Perfdhcp.Parse(3, Output);

        Assert.Equal(3, report.ExitCode);
        Assert.Equal(new PerfdhcpExchange("DISCOVER-OFFER", 20, 19, 1), report["DISCOVER-OFFER"]);
        Assert.Equal(new PerfdhcpExchange("RELEASE", 9, 0, 9), report["RELEASE"]);
        Assert.Equal(2, report.Exchanges.Count);
    }

    [Fact]
    public void Asking_for_a_missing_exchange_shows_the_output()
    {
        var report = Perfdhcp.Parse(1, "ERROR: running perfdhcp: Network is unreachable");

        var error = Assert.Throws<KeyNotFoundException>(() => report["REQUEST-ACK"]);

        Assert.Contains("Network is unreachable", error.Message, StringComparison.Ordinal);
    }
}
