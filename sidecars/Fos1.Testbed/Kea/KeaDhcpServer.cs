using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// A real kea-dhcp4 or kea-dhcp6 running in a <see cref="DhcpLab"/>'s server namespace on its veth, with a memfile
/// lease file and a unix control socket in a temporary directory. Disposing kills it and deletes the directory.
/// </summary>
public abstract class KeaDhcpServer : IAsyncDisposable
{
    private readonly DaemonProcess _process;

    private protected KeaDhcpServer(int family, string directory, DaemonProcess process)
    {
        Family = family;
        Directory = directory;
        _process = process;
        ControlSocket = new KeaControlSocket(KeaDhcpConfiguration.ControlSocketPath(directory));
    }

    /// <summary>4 or 6.</summary>
    public int Family { get; }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "kea.json");

    public string LeaseFile => KeaDhcpConfiguration.LeaseFilePath(Directory, Family);

    public KeaControlSocket ControlSocket { get; }

    public string ControlSocketPath => ControlSocket.Path;

    public bool IsRunning => !_process.HasExited;

    public int ProcessId => _process.ProcessId;

    public string RecentOutput => _process.RecentOutput;

    public Task<KeaCommandResult> SendCommandAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default) =>
        ControlSocket.SendAsync(command, arguments, cancellationToken);

    /// <summary>The current leases according to the memfile lease file.</summary>
    public Task<IReadOnlyList<MemfileLease>> ReadLeasesAsync(CancellationToken cancellationToken = default) =>
        MemfileLeases.ReadCurrentAsync(LeaseFile, cancellationToken);

    /// <summary>
    /// Deletes a lease through lease_cmds (<see cref="KeaHookLibrary.LeaseCommands"/> must be loaded). With
    /// <paramref name="updateDdns"/> Kea 2.2 sends a remove NameChangeRequest, like a DHCPRELEASE would.
    /// </summary>
    public Task<KeaCommandResult> DeleteLeaseAsync(IPAddress address, bool updateDdns = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return SendCommandAsync(
            $"lease{Family}-del",
            new JsonObject { ["ip-address"] = address.ToString(), ["update-ddns"] = updateDdns },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private protected static async Task<(string Directory, DaemonProcess Process)> LaunchAsync(
        int family, DhcpLab lab, KeaDhcpOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(options);
        var tool = family == 6 ? Tool.KeaDhcp6 : Tool.KeaDhcp4;
        _ = tool.Path;
        var directory = System.IO.Directory.CreateTempSubdirectory($"fos1-kea{family}-").FullName;
        var configPath = Path.Combine(directory, "kea.json");
        var config = KeaDhcpConfiguration.Render(family, lab, options, directory);
        await File.WriteAllTextAsync(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken)
            .ConfigureAwait(false);
        if (options.PrepareLeaseFile is { } prepare)
        {
            await prepare(KeaDhcpConfiguration.LeaseFilePath(directory, family), cancellationToken).ConfigureAwait(false);
        }

        var command = lab.Server.Command(tool, ["-c", configPath])
            .WithEnvironmentVariables(env => env.Set("KEA_PIDFILE_DIR", directory).Set("KEA_LOCKFILE_DIR", directory));
        var process = DaemonProcess.Start(tool.Executable, command);
        try
        {
            await KeaReadiness.WaitAsync(
                process,
                new KeaControlSocket(KeaDhcpConfiguration.ControlSocketPath(directory)),
                family == 6 ? "DHCP6_STARTED" : "DHCP4_STARTED",
                options.StartTimeout,
                cancellationToken).ConfigureAwait(false);
            return (directory, process);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }
}
