namespace Fos1.Testbed.Kea;

/// <summary>perfdhcp's exit code (0 fine, 3 when packets were dropped), its statistics blocks and its full output.</summary>
public sealed record PerfdhcpReport(int ExitCode, IReadOnlyDictionary<string, PerfdhcpExchange> Exchanges, string Output)
{
    public PerfdhcpExchange this[string exchange] =>
        Exchanges.TryGetValue(exchange, out var statistics)
            ? statistics
            : throw new KeyNotFoundException($"perfdhcp reported no '{exchange}' statistics. Output:{Environment.NewLine}{Output}");
}
