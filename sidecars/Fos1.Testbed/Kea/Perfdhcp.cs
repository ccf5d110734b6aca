using System.Globalization;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Kea;

/// <summary>Runs Kea's perfdhcp in a lab's client namespace against the Kea server on the other end of the veth.</summary>
public static class Perfdhcp
{
    /// <summary>
    /// <c>perfdhcp -4 -l IFACE -r RATE -n N -R CLIENTS -W US 192.0.2.1</c>. In v4 perfdhcp behaves as a relay
    /// (giaddr = the interface address) and sends unicast to the server.
    /// </summary>
    public static Task<PerfdhcpReport> RunDhcp4Async(DhcpLab lab, PerfdhcpOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lab);
        options ??= new PerfdhcpOptions();
        return RunAsync(lab, ["-4", .. Common(lab, options, "mac"), DhcpLab.ServerAddress4.ToString()], options, cancellationToken);
    }

    /// <summary><c>perfdhcp -6 -l IFACE -r RATE -n N -R CLIENTS -W US</c> to All_DHCP_Relay_Agents_and_Servers from fe80::2.</summary>
    public static Task<PerfdhcpReport> RunDhcp6Async(DhcpLab lab, PerfdhcpOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lab);
        options ??= new PerfdhcpOptions();
        return RunAsync(lab, ["-6", .. Common(lab, options, "duid")], options, cancellationToken);
    }

    internal static PerfdhcpReport Parse(int exitCode, string output)
    {
        const string BlockMarker = "***Statistics for: ";
        var exchanges = new Dictionary<string, PerfdhcpExchange>();
        PerfdhcpExchange? current = null;
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(BlockMarker, StringComparison.Ordinal))
            {
                current = new PerfdhcpExchange(line[BlockMarker.Length..].TrimEnd('*'), 0, 0, 0);
            }
            else if (current is not null && line.Split(':') is [var key, var value]
                && long.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var count))
            {
                current = key switch
                {
                    "sent packets" => current with { Sent = count },
                    "received packets" => current with { Received = count },
                    "drops" => current with { Drops = count },
                    _ => current,
                };
            }

            if (current is not null)
            {
                exchanges[current.Name] = current;
            }
        }

        return new PerfdhcpReport(exitCode, exchanges, output);
    }

    private static IEnumerable<string> Common(DhcpLab lab, PerfdhcpOptions options, string baseKind)
    {
        yield return "-l";
        yield return lab.ClientInterface;
        yield return "-r";
        yield return Invariant(options.Rate);
        yield return "-n";
        yield return Invariant(options.Exchanges);
        yield return "-R";
        yield return Invariant(options.Clients);
        yield return "-W";
        yield return Invariant((long)options.ExitWait.TotalMicroseconds);
        if (options.ReleaseRate is { } release)
        {
            yield return "-F";
            yield return Invariant(release);
        }

        if (options.RenewRate is { } renew)
        {
            yield return "-f";
            yield return Invariant(renew);
        }

        if (options.Base is { } first)
        {
            yield return "-b";
            yield return first.Contains('=', StringComparison.Ordinal) ? first : $"{baseKind}={first}";
        }

        foreach (var extra in options.ExtraArguments)
        {
            yield return extra;
        }
    }

    private static async Task<PerfdhcpReport> RunAsync(
        DhcpLab lab, IEnumerable<string> arguments, PerfdhcpOptions options, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var result = await ToolRun.RunAsync(lab.Client.Command(Tool.Perfdhcp, arguments), deadline.Token).ConfigureAwait(false);
        return Parse(result.ExitCode, result.StandardOutput + Environment.NewLine + result.StandardError);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
