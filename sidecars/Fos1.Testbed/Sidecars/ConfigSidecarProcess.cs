using CliWrap;
using CliWrap.Buffered;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Sidecars;

/// <summary>
/// The real config sidecar process (fos1-config-sidecar) against a <see cref="TestApiServer"/> (through a
/// kubeconfig) and, for AdGuard Home, an HTTP API address (a stand-in: AdGuard Home cannot be installed here).
/// Everything it reads and writes lives in <see cref="Directory"/>: the kubeconfig, the admin Secret
/// (<see cref="CredentialsDirectory"/>), AdGuardHome.yaml, avahi-daemon.conf and a pid file that names no process.
/// Disposing stops it and deletes the directory.
/// </summary>
public sealed class ConfigSidecarProcess : IAsyncDisposable
{
    public const string FileName = "fos1-config-sidecar.dll";

    /// <summary>The admin Secret's files; the password matches <see cref="AdGuard.FakeAdGuardHome"/>.</summary>
    public const string User = "admin";
    public const string Password = "s3cret";
    public const string PasswordHash = "$2y$10$C5d7qQbXf2m1bQk2i1mK8eJ0dQ9k3Jt9yq4q0r2VZg8aW2x6bG1Cq";

    /// <summary>The line the sidecar logs once its host has started.</summary>
    public const string StartedLine = "fos1-config-sidecar started";

    private readonly DaemonProcess _process;

    private ConfigSidecarProcess(string directory, DaemonProcess process)
    {
        Directory = directory;
        _process = process;
    }

    public string Directory { get; }

    public string CredentialsDirectory => Credentials(Directory);

    public string AdGuardConfigFile => AdGuardConfig(Directory);

    public string AvahiConfigFile => Path.Combine(Directory, "avahi", "avahi-daemon.conf");

    public string AvahiPidFile => Path.Combine(Directory, "avahi", "pid");

    public bool HasExited => _process.HasExited;

    public string RecentOutput => _process.RecentOutput;

    public static string Locate() => SidecarBinary.Locate("Fos1.Sidecars.Config", FileName);

    /// <summary>How many of the kept output lines contain <paramref name="text"/>.</summary>
    public int CountOutput(string text) =>
        RecentOutput.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Starts the long-running mode and waits for <see cref="StartedLine"/>.</summary>
    /// <param name="adGuardApi">AdGuard Home's address; null leaves AdGuard off.</param>
    /// <param name="mdns">Whether MDNSReflector resources render <see cref="AvahiConfigFile"/>.</param>
    /// <param name="extraArguments">More <c>--Key=value</c> arguments, appended last.</param>
    public static async Task<ConfigSidecarProcess> StartAsync(
        TestApiServer apiServer, Uri? adGuardApi, bool mdns, IReadOnlyList<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiServer);
        var directory = Prepare(apiServer);
        List<string> arguments = [Locate(), SidecarBinary.NoHttpEndpoint, .. KubernetesArguments(directory)];
        if (adGuardApi is not null)
        {
            arguments.AddRange(AdGuardArguments(directory, adGuardApi));
        }

        if (mdns)
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "avahi"));
            arguments.AddRange(
            [
                "--ConfigSidecar:Mdns:Enabled=true",
                $"--ConfigSidecar:Mdns:ConfigFile={Path.Combine(directory, "avahi", "avahi-daemon.conf")}",
                $"--ConfigSidecar:Mdns:PidFile={Path.Combine(directory, "avahi", "pid")}",
                "--ConfigSidecar:Mdns:NodeName=test-node",
            ]);
        }

        arguments.AddRange(extraArguments ?? []);
        var (executable, launch) = SidecarBinary.Launch(arguments[0], arguments.Skip(1));
        var process = DaemonProcess.Start("fos1-config-sidecar", Cli.Wrap(executable).WithArguments(launch));
        try
        {
            await Poll.UntilAsync(() => process.HasExited || process.OutputContains(StartedLine), TimeSpan.FromSeconds(30),
                "the config sidecar to start", process.Describe, cancellationToken).ConfigureAwait(false);
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the config sidecar exited at start-up: {process.Describe()}");
            }

            return new ConfigSidecarProcess(directory, process);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Runs <c>fos1-config-sidecar init-adguard</c> to its exit, writing <paramref name="configFile"/>. The kubeconfig and
    /// admin Secret live in a temporary directory deleted afterwards.
    /// </summary>
    public static async Task<BufferedCommandResult> InitAdGuardAsync(
        TestApiServer apiServer, string configFile, bool force = false, IReadOnlyList<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiServer);
        var directory = Prepare(apiServer);
        try
        {
            List<string> arguments = [Locate(), "init-adguard", .. KubernetesArguments(directory), .. AdGuardArguments(directory, new Uri("http://127.0.0.1:3000"))];
            arguments.Add($"--ConfigSidecar:AdGuard:ConfigFile={configFile}");
            if (force)
            {
                arguments.Add("--force");
            }

            arguments.AddRange(extraArguments ?? []);
            return await RunToExitAsync(arguments.Skip(1).ToList(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs the sidecar with exactly these arguments until it exits (e.g. a bad configuration: exit code 2).</summary>
    public static Task<BufferedCommandResult> RunToExitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (executable, launch) = SidecarBinary.Launch(Locate(), arguments);
        return Cli.Wrap(executable).WithArguments(launch).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static string Credentials(string directory) => Path.Combine(directory, "adguard-admin");

    private static string AdGuardConfig(string directory) => Path.Combine(directory, "adguard", "AdGuardHome.yaml");

    private static string Prepare(TestApiServer apiServer)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("fos1-config-sidecar-").FullName;
        Kubeconfig.Write(apiServer, Path.Combine(directory, "kubeconfig"));
        var credentials = System.IO.Directory.CreateDirectory(Credentials(directory)).FullName;

        // As a mounted Secret: one file per key, with the trailing newline `kubectl create secret --from-file` often keeps.
        File.WriteAllText(Path.Combine(credentials, "username"), User + "\n");
        File.WriteAllText(Path.Combine(credentials, "password"), Password + "\n");
        File.WriteAllText(Path.Combine(credentials, "password-hash"), PasswordHash + "\n");
        return directory;
    }

    private static IEnumerable<string> KubernetesArguments(string directory) =>
    [
        "--Kubernetes:Enabled=true",
        $"--Kubernetes:Kubeconfig={Path.Combine(directory, "kubeconfig")}",
        "--Kubernetes:LeaderElection=false",
    ];

    private static IEnumerable<string> AdGuardArguments(string directory, Uri api) =>
    [
        "--ConfigSidecar:AdGuard:Enabled=true",
        $"--ConfigSidecar:AdGuard:ConfigFile={AdGuardConfig(directory)}",
        $"--ConfigSidecar:AdGuard:ApiUrl={api}",
        $"--ConfigSidecar:AdGuard:CredentialsDirectory={Credentials(directory)}",
        "--ConfigSidecar:AdGuard:RequestTimeout=00:00:05",
    ];
}
