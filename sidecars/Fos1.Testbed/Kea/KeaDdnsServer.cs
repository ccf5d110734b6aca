using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// A real kea-dhcp-ddns (D2) receiving NameChangeRequests over UDP and sending TSIG-signed RFC 2136 updates.
/// Disposing kills it and deletes its temporary directory.
/// </summary>
public sealed class KeaDdnsServer : IAsyncDisposable
{
    private readonly DaemonProcess _process;

    private KeaDdnsServer(string directory, IPEndPoint endpoint, KeaControlSocket? controlSocket, DaemonProcess process)
    {
        Directory = directory;
        Endpoint = endpoint;
        ControlSocket = controlSocket;
        _process = process;
    }

    /// <summary>Where D2 receives NCRs.</summary>
    public IPEndPoint Endpoint { get; }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "kea-dhcp-ddns.json");

    public KeaControlSocket? ControlSocket { get; }

    public bool IsRunning => !_process.HasExited;

    public string RecentOutput => _process.RecentOutput;

    public static async Task<KeaDdnsServer> StartAsync(KeaDdnsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tool = Tool.KeaDhcpDdns;
        _ = tool.Path;
        var port = options.Port ?? (options.Namespace is null
            ? FreePort.ForUdpAndTcp(options.ListenAddress)
            : await FreePort.ForUdpAndTcpAsync(options.Namespace, cancellationToken).ConfigureAwait(false));
        var directory = System.IO.Directory.CreateTempSubdirectory("fos1-d2-").FullName;
        var controlSocket = options.WithControlSocket ? new KeaControlSocket(Path.Combine(directory, "control.sock")) : null;
        var configPath = Path.Combine(directory, "kea-dhcp-ddns.json");
        var config = KeaDdnsConfiguration.Render(options, port, controlSocket);
        await File.WriteAllTextAsync(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken)
            .ConfigureAwait(false);
        var command = (options.Namespace?.Command(tool, ["-c", configPath]) ?? Cli.Wrap(tool.Path).WithArguments(["-c", configPath]))
            .WithEnvironmentVariables(env => env.Set("KEA_PIDFILE_DIR", directory).Set("KEA_LOCKFILE_DIR", directory));
        var process = DaemonProcess.Start(tool.Executable, command);
        var server = new KeaDdnsServer(directory, new IPEndPoint(options.ListenAddress, port), controlSocket, process);
        try
        {
            await KeaReadiness.WaitAsync(process, controlSocket, "DHCP_DDNS_STARTED", options.StartTimeout, cancellationToken)
                .ConfigureAwait(false);
            // The process's own socket table shows its namespace: wait until the NCR socket is bound.
            var pid = process.ProcessId.ToString(CultureInfo.InvariantCulture);
            await Poll.UntilAsync(() => SocketTable.IsUdpBound(port, pid), options.StartTimeout, $"D2 to bind UDP port {port}", process.Describe, cancellationToken)
                .ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
