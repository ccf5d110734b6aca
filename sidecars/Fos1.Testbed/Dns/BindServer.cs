using System.Globalization;
using System.Net;
using CliWrap;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Dns;

/// <summary>
/// A real BIND 9 (<c>named -g</c>) serving dynamic zones from a temporary directory, updatable with one TSIG key.
/// Can be stopped and started again on the same port with the same data (journals included), to simulate an outage.
/// Disposing kills named and deletes the directory.
/// </summary>
public sealed class BindServer : IAsyncDisposable
{
    private readonly BindServerOptions _options;
    private readonly string _configPath;
    private DaemonProcess? _process;

    private BindServer(BindServerOptions options, string directory, int port)
    {
        _options = options;
        Directory = directory;
        Endpoint = new IPEndPoint(options.ListenAddress, port);
        _configPath = Path.Combine(directory, "named.conf");
    }

    public IPEndPoint Endpoint { get; }

    public TsigKey Key => _options.Key;

    public IReadOnlyList<BindZone> Zones => _options.Zones;

    /// <summary>The namespace named runs in (null: the root namespace); query it from there.</summary>
    public NetworkNamespace? Namespace => _options.Namespace;

    /// <summary>The temporary directory with named.conf, zone files and journals.</summary>
    public string Directory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>named's recent log lines (stderr of <c>named -g</c>).</summary>
    public string RecentOutput => _process?.RecentOutput ?? "";

    /// <summary><see cref="Dig.QueryAsync"/> against this server, from its namespace.</summary>
    public Task<IReadOnlyList<string>> QueryAsync(string name, string type, CancellationToken cancellationToken = default) =>
        Dig.QueryAsync(Endpoint, name, type, Namespace, cancellationToken);

    public Task<DigResult> QueryFullAsync(string name, string type, CancellationToken cancellationToken = default) =>
        Dig.QueryFullAsync(Endpoint, name, type, Namespace, cancellationToken);

    /// <summary><see cref="Nsupdate.SendAsync"/> against this server, signed with its key, from its namespace.</summary>
    public Task<CliWrap.Buffered.BufferedCommandResult> UpdateAsync(string zone, IEnumerable<string> commands, CancellationToken cancellationToken = default) =>
        Nsupdate.SendAsync(Endpoint, Key, zone, commands, Namespace, cancellationToken);

    public static async Task<BindServer> StartAsync(BindServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Zones.Count == 0 && options.SecondaryZones.Count == 0)
        {
            throw new ArgumentException("BIND needs at least one zone.", nameof(options));
        }

        _ = Tool.Named.Path;
        _ = Tool.Dig.Path;
        var port = options.Port ?? (options.Namespace is null
            ? FreePort.ForUdpAndTcp(options.ListenAddress)
            : await FreePort.ForUdpAndTcpAsync(options.Namespace, cancellationToken).ConfigureAwait(false));
        var directory = System.IO.Directory.CreateTempSubdirectory("fos1-bind-").FullName;
        var server = new BindServer(options, directory, port);
        try
        {
            await File.WriteAllTextAsync(server._configPath, BindConfiguration.NamedConf(options, directory, port), cancellationToken)
                .ConfigureAwait(false);
            foreach (var zone in options.Zones)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, BindConfiguration.ZoneFileName(zone)), BindConfiguration.ZoneFile(zone), cancellationToken)
                    .ConfigureAwait(false);
            }

            await server.StartAgainAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts named again with the same configuration, port and data; returns once every zone answers SOA.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("named is already running.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        // -g: foreground, log to stderr. Running as root here; no -u needed (files are ours).
        string[] arguments = ["-g", "-n", "1", "-c", _configPath];
        var command = Namespace?.Command(Tool.Named, arguments) ?? Cli.Wrap(Tool.Named.Path).WithArguments(arguments);
        var process = DaemonProcess.Start("named", command);
        _process = process;
        await Poll.UntilAsync(
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("named exited during start-up: " + process.Describe());
                }

                foreach (var zone in Zones.Select(zone => zone.CanonicalName).Concat(_options.SecondaryZones.Select(zone => zone.CanonicalName)))
                {
                    var soa = await Dig.QueryFullAsync(Endpoint, zone, "SOA", Namespace, ct).ConfigureAwait(false);
                    if (soa.Status != "NOERROR" || !soa.Answers.Any(answer => answer.Type == "SOA"))
                    {
                        return false;
                    }
                }

                return true;
            },
            _options.StartTimeout,
            $"named on {Endpoint} to answer SOA for every zone",
            process.Describe,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops named (SIGINT, then SIGKILL after 5 s); data and journals stay for <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        if (Namespace is null)
        {
            await Poll.UntilAsync(() => FreePort.IsUnused(Endpoint.Port), TimeSpan.FromSeconds(5), $"port {Endpoint.Port} to be released")
                .ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"named at {Endpoint} ({Directory})");
}
