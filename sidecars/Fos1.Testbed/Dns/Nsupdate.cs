using System.Globalization;
using System.Net;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Dns;

/// <summary>Sends RFC 2136 updates with BIND's <c>nsupdate</c>, TSIG-signed with <c>-y</c>.</summary>
public static class Nsupdate
{
    /// <summary>
    /// Sends one update: <paramref name="commands"/> are nsupdate lines such as <c>update add a.home.arpa. 300 A 192.0.2.7</c>
    /// or <c>prereq nxdomain a.home.arpa.</c>; <c>server</c>, <c>zone</c> and <c>send</c> are added.
    /// A refused update is a non-zero exit code with the RCODE in stderr (e.g. "update failed: YXDOMAIN").
    /// </summary>
    public static Task<BufferedCommandResult> SendAsync(
        IPEndPoint server,
        TsigKey key,
        string zone,
        IEnumerable<string> commands,
        NetworkNamespace? inside = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(commands);
        var script = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"server {server.Address} {server.Port}\n")
            .Append(CultureInfo.InvariantCulture, $"zone {zone}\n");
        foreach (var line in commands)
        {
            script.Append(line).Append('\n');
        }

        script.Append("send\n");
        string[] arguments = ["-y", key.CommandLineForm, "-t", "5"];
        var command = (inside?.Command(Tool.Nsupdate, arguments) ?? Cli.Wrap(Tool.Nsupdate.Path).WithArguments(arguments))
            .WithStandardInputPipe(PipeSource.FromString(script.ToString()));
        return ToolRun.RunAsync(command, cancellationToken);
    }
}
