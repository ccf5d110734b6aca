using System.Globalization;
using System.Net;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using CliWrap;

namespace Fos1.Testbed.Dns;

/// <summary>Queries a DNS server with <c>dig +norec +time=1 +tries=1</c>, optionally from inside a namespace.</summary>
public static class Dig
{
    /// <summary>The answer data, like <c>dig +short</c> (empty when there is none or no reply came).</summary>
    public static async Task<IReadOnlyList<string>> QueryAsync(
        IPEndPoint server, string name, string type, NetworkNamespace? inside = null, CancellationToken cancellationToken = default) =>
        (await QueryFullAsync(server, name, type, inside, cancellationToken).ConfigureAwait(false)).Data;

    public static async Task<DigResult> QueryFullAsync(
        IPEndPoint server, string name, string type, NetworkNamespace? inside = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        string[] arguments =
        [
            $"@{server.Address}", "-p", server.Port.ToString(CultureInfo.InvariantCulture),
            "+norec", "+time=1", "+tries=1", "+nocmd", "+noall", "+comments", "+answer", name, type,
        ];
        var command = inside?.Command(Tool.Dig, arguments) ?? Cli.Wrap(Tool.Dig.Path).WithArguments(arguments);
        var result = await ToolRun.RunAsync(command, cancellationToken).ConfigureAwait(false);
        return Parse(result.ExitCode, result.StandardOutput + result.StandardError);
    }

    internal static DigResult Parse(int exitCode, string output)
    {
        const string StatusMarker = "status: ";
        var status = "";
        var answers = new List<DigRecord>();
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            var marker = line.IndexOf(StatusMarker, StringComparison.Ordinal);
            if (line.StartsWith(";;", StringComparison.Ordinal) && marker >= 0)
            {
                status = line[(marker + StatusMarker.Length)..].Split(',')[0].Trim();
            }
            else if (line.Length > 0 && !line.StartsWith(';'))
            {
                var fields = line.Split((char[])['\t', ' '], 5, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 5 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var ttl))
                {
                    answers.Add(new DigRecord(fields[0], ttl, fields[2], fields[3], fields[4].Trim()));
                }
            }
        }

        return new DigResult(exitCode == 0 && status.Length > 0, status, answers, output);
    }
}
