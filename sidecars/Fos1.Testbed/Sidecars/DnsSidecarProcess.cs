using System.Globalization;
using System.Net;
using CliWrap;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Sidecars;

/// <summary>
/// The real dns sidecar process (fos1-dns-sidecar) serving the given zones on loopback: RFC 2136 on
/// <see cref="UpdateEndpoint"/>, the gRPC DnsService on <see cref="GrpcEndpoint"/>, state in
/// <see cref="StateDirectory"/> (kept across <see cref="RestartAsync"/>), zone files in <see cref="PublishDirectory"/>.
/// </summary>
public sealed class DnsSidecarProcess : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly string _directory;
    private DaemonProcess _process;

    private DnsSidecarProcess(
        string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, IPEndPoint update, IPEndPoint grpc, DaemonProcess process)
    {
        _directory = directory;
        _arguments = arguments;
        _environment = environment;
        UpdateEndpoint = update;
        GrpcEndpoint = grpc;
        _process = process;
    }

    public IPEndPoint UpdateEndpoint { get; }

    public IPEndPoint GrpcEndpoint { get; }

    public string StateDirectory => Path.Combine(_directory, "state");

    public string PublishDirectory => Path.Combine(_directory, "publish");

    public string RecentOutput => _process.RecentOutput;

    /// <summary>The temporary directory holding the state, the published files and whatever else the test puts there.</summary>
    public string WorkingDirectory => _directory;

    /// <param name="zones">Zone names; each may be updated by <paramref name="key"/> (any name, default types).</param>
    /// <param name="notify">Secondaries every zone's changes are NOTIFYed to.</param>
    /// <param name="extraArguments">
    /// More <c>--Key=value</c> arguments, appended last (e.g. <c>--DnsSidecar:Corefile:Path=...</c> or
    /// <c>--DnsSidecar:Zones:1:PublishMode=File</c>); "{directory}" in them becomes the process's temporary directory, "{grpc}" its gRPC endpoint.
    /// </param>
    /// <param name="environment">Environment variables for the process (e.g. <c>POD_NAME</c>, its leader-election identity).</param>
    public static async Task<DnsSidecarProcess> StartAsync(
        IReadOnlyList<string> zones, TsigKey key, IReadOnlyList<IPEndPoint>? notify = null, IReadOnlyList<string>? extraArguments = null,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(key);
        var directory = Directory.CreateTempSubdirectory("fos1-dns-sidecar-").FullName;
        var update = new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp());
        var grpc = new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp());
        List<string> arguments =
        [
            SidecarBinary.Locate("Fos1.Sidecars.Dns", "fos1-dns-sidecar.dll"),
            $"--DnsSidecar:StateDirectory={Path.Combine(directory, "state")}",
            $"--DnsSidecar:PublishDirectory={Path.Combine(directory, "publish")}",
            $"--DnsSidecar:UpdateEndpoint={update}",
            $"--DnsSidecar:GrpcEndpoint={grpc}",
            $"--DnsSidecar:TsigKeys:0:Name={key.Name}",
            $"--DnsSidecar:TsigKeys:0:Algorithm={key.Algorithm}",
            $"--DnsSidecar:TsigKeys:0:Secret={key.Secret}",
            SidecarBinary.NoHttpEndpoint,
        ];
        for (var i = 0; i < zones.Count; i++)
        {
            arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--DnsSidecar:Zones:{i}:Name={zones[i]}"));
            arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--DnsSidecar:Zones:{i}:Grants:0:Key={key.Name}"));
            for (var n = 0; n < (notify?.Count ?? 0); n++)
            {
                arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--DnsSidecar:Zones:{i}:Notify:{n}={notify![n]}"));
            }
        }

        arguments.AddRange((extraArguments ?? []).Select(a => a
            .Replace("{directory}", directory, StringComparison.Ordinal)
            .Replace("{grpc}", grpc.ToString(), StringComparison.Ordinal)));
        DaemonProcess process;
        try
        {
            process = await LaunchAsync(arguments, environment ?? new Dictionary<string, string?>(), update, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A sidecar that refused its configuration leaves no instance to dispose the directory.
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new DnsSidecarProcess(directory, arguments, environment ?? new Dictionary<string, string?>(), update, grpc, process);
    }

    /// <summary>Stops the sidecar (SIGKILL when <paramref name="kill"/>, as a crashing pod) and starts it again on the same state.</summary>
    public async Task RestartAsync(bool kill = false, CancellationToken cancellationToken = default)
    {
        await _process.StopAsync(kill ? TimeSpan.Zero : TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        _process = await LaunchAsync(_arguments, _environment, UpdateEndpoint, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<DaemonProcess> LaunchAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, IPEndPoint update, CancellationToken cancellationToken)
    {
        var (executable, launch) = SidecarBinary.Launch(arguments[0], arguments.Skip(1));
        var process = DaemonProcess.Start("fos1-dns-sidecar", Cli.Wrap(executable).WithArguments(launch).WithEnvironmentVariables(environment));
        var pid = process.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            await Poll.UntilAsync(() => process.HasExited || SocketTable.IsUdpBound(update.Port, pid), TimeSpan.FromSeconds(30),
                $"the dns sidecar to bind UDP port {update.Port}", process.Describe, cancellationToken).ConfigureAwait(false);
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the dns sidecar exited at start-up: {process.Describe()}");
            }

            return process;
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
