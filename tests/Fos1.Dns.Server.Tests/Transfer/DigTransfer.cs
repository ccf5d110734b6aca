using System.Globalization;
using System.Net;
using CliWrap;
using Fos1.Testbed.Processes;
using Fos1.Zones;

namespace Fos1.Dns.Server.Tests.Transfer;

/// <summary>Runs <c>dig AXFR</c> (optionally <c>-y</c> signed) and compares its records with a zone.</summary>
internal static class DigTransfer
{
    public static async Task<string> AxfrAsync(IPEndPoint server, string zone, Fos1.Testbed.Dns.TsigKey? key = null)
    {
        List<string> arguments = [$"@{server.Address}", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "+nocmd", "+nostats", "+time=2", "+tries=1", zone, "AXFR"];
        if (key is not null)
        {
            arguments.InsertRange(0, ["-y", key.CommandLineForm]);
        }

        var result = await ToolRun.RunAsync(Cli.Wrap(Tool.Dig.Path).WithArguments(arguments)).ConfigureAwait(false);
        return result.StandardOutput + result.StandardError;
    }

    /// <summary>The record lines of dig output, whitespace collapsed and lower-cased; TSIG lines dropped.</summary>
    public static List<string> Records(string output) =>
        output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.Length > 0 && !line.StartsWith(';'))
            .Select(Normalise)
            .Where(line => !line.Contains(" tsig ", StringComparison.Ordinal))
            .ToList();

    /// <summary>What dig should print for a transfer of <paramref name="zone"/>: its records, then the SOA again.</summary>
    public static List<string> Expected(Zone zone) =>
        [.. zone.Records.Select(r => Normalise(r.ToString())), Normalise(zone.SoaRecord.ToString())];

    private static string Normalise(string line) =>
        string.Join(' ', line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
