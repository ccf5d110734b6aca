using System.Globalization;
using System.Net;
using System.Text.Json;
using CliWrap;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Sidecars;

/// <summary>
/// The real kea sidecar process (fos1-kea-sidecar), started from the very kea-dhcp-ddns.conf that
/// <see cref="KeaDdnsServer"/> would get. Disposing stops it and deletes its directory.
/// </summary>
public sealed class KeaSidecarProcess : IAsyncDisposable
{
    private readonly DaemonProcess _process;

    private KeaSidecarProcess(string directory, IPEndPoint endpoint, DaemonProcess process)
    {
        Directory = directory;
        Endpoint = endpoint;
        _process = process;
    }

    /// <summary>Where the sidecar receives NCRs.</summary>
    public IPEndPoint Endpoint { get; }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "kea-dhcp-ddns.json");

    public bool IsRunning => !_process.HasExited;

    public int ProcessId => _process.ProcessId;

    public string RecentOutput => _process.RecentOutput;

    public bool OutputContains(string text) => _process.OutputContains(text);

    /// <param name="extraArguments">Further configuration, e.g. <c>--Fos1:MaxInFlight=64</c>.</param>
    /// <param name="binary">The fos1-kea-sidecar.dll (or native executable) to run; <see cref="KeaSidecarBinary.Locate"/> when null.</param>
    public static async Task<KeaSidecarProcess> StartAsync(
        KeaDdnsOptions options, IEnumerable<string>? extraArguments = null, string? binary = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (binary is not null && !File.Exists(binary))
        {
            throw new FileNotFoundException($"{binary} does not exist: build sidecars/Fos1.Sidecars.Kea or pass another {KeaSidecarBinary.FileName}", binary);
        }

        binary ??= KeaSidecarBinary.Locate();
        var port = options.Port ?? (options.Namespace is null
            ? FreePort.ForUdpAndTcp(options.ListenAddress)
            : await FreePort.ForUdpAndTcpAsync(options.Namespace, cancellationToken).ConfigureAwait(false));
        var directory = System.IO.Directory.CreateTempSubdirectory("fos1-kea-sidecar-").FullName;
        var configPath = Path.Combine(directory, "kea-dhcp-ddns.json");
        var config = KeaDdnsConfiguration.Render(options, port, controlSocket: null);
        await File.WriteAllTextAsync(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken)
            .ConfigureAwait(false);
        // Its durable state (outbox, lease ledger) lives and dies with this process's directory, so sidecars
        // started side by side never share a journal; extraArguments may still name another one.
        var stateDirectory = System.IO.Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        var (executable, arguments) = SidecarBinary.Launch(binary,
            [$"--Fos1:D2ConfigFile={configPath}", $"--Fos1:StateDirectory={stateDirectory}", SidecarBinary.NoHttpEndpoint, .. extraArguments ?? []]);
        var command = options.Namespace?.Command(executable, arguments) ?? Cli.Wrap(executable).WithArguments(arguments);
        var process = DaemonProcess.Start("fos1-kea-sidecar", command.WithWorkingDirectory(directory));
        var sidecar = new KeaSidecarProcess(directory, new IPEndPoint(options.ListenAddress, port), process);
        try
        {
            var pid = process.ProcessId.ToString(CultureInfo.InvariantCulture);
            await Poll.UntilAsync(() => process.HasExited || SocketTable.IsUdpBound(port, pid), options.StartTimeout,
                $"the kea sidecar to bind UDP port {port}", process.Describe, cancellationToken).ConfigureAwait(false);
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the kea sidecar exited at start-up: {process.Describe()}");
            }

            return sidecar;
        }
        catch
        {
            await sidecar.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the sidecar the hard way (SIGKILL), as a crashing pod would.</summary>
    public Task KillAsync() => _process.StopAsync(TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
