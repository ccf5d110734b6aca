using System.Globalization;
using System.Net;
using CliWrap;
using Fos1.Bench.Ncr.Workload;
using Fos1.Testbed.Processes;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// Counts what really landed: <c>dig AXFR</c> (TCP; BindServer allows transfers to anyone) of the run's two
/// zones, keeping only records that are exactly what the run asked for (host-i A 10.k.hi.lo and its PTR).
/// </summary>
public static class ZoneTransfer
{
    public static async Task<LandedRecords> CountAsync(IPEndPoint server, BenchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(run);
        var forward = new bool[run.Changes];
        var reverse = new bool[run.Changes];
        foreach (var (name, type, data) in await TransferAsync(server, run.ForwardZone, cancellationToken))
        {
            var i = run.IndexOfHostName(name);
            if (type == "A" && i >= 0 && data == run.Address(i).ToString())
            {
                forward[i] = true;
            }
        }

        foreach (var (name, type, data) in await TransferAsync(server, run.ReverseZone, cancellationToken))
        {
            var i = run.IndexOfReverseName(name);
            if (type == "PTR" && i >= 0 && string.Equals(data.TrimEnd('.'), run.HostName(i), StringComparison.OrdinalIgnoreCase))
            {
                reverse[i] = true;
            }
        }

        return new LandedRecords(
            forward.Count(landed => landed),
            reverse.Count(landed => landed),
            Enumerable.Range(0, run.Changes).Count(i => forward[i] && reverse[i]));
    }

    private static async Task<List<(string Name, string Type, string Data)>> TransferAsync(
        IPEndPoint server, string zone, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            $"@{server.Address}", "-p", server.Port.ToString(CultureInfo.InvariantCulture),
            "+nocmd", "+nostats", "+nocomments", "+time=5", "+tries=1", zone, "AXFR",
        ];
        var result = await ToolRun.RunCheckedAsync(Cli.Wrap(Tool.Dig.Path).WithArguments(arguments), cancellationToken);
        if (result.StandardOutput.Contains("Transfer failed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"AXFR of {zone} from {server} failed: {result.StandardOutput.Trim()}");
        }

        var records = new List<(string, string, string)>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // name TTL class type data
            var fields = line.Split((char[])['\t', ' '], 5, StringSplitOptions.RemoveEmptyEntries);
            if (!line.StartsWith(';') && fields.Length == 5)
            {
                records.Add((fields[0], fields[3], fields[4].Trim()));
            }
        }

        return records;
    }
}

/// <summary>Hosts with their A record, with their PTR, and with both.</summary>
public sealed record LandedRecords(int Forward, int Reverse, int Both);
