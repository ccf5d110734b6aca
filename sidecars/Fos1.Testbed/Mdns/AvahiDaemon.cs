using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Mdns;

/// <summary>
/// Debian's avahi-daemon inside a namespace, without D-Bus and without touching the host's /run: a private mount
/// namespace (<c>unshare -m</c>) gets a tmpfs /run and a temporary directory bind-mounted over /run/avahi-daemon,
/// so several daemons run side by side and the pid file is readable from the test process at <see cref="PidFile"/>
/// (as the sidecar reads it from a shared emptyDir). The config needs <c>enable-dbus=no</c>.
/// </summary>
public sealed class AvahiDaemon : IAsyncDisposable
{
    private const string StartedLine = "Server startup complete.";

    // $1 runtime dir, $2 services dir or "", $3 config, $4 "restart" or "".
    private const string Script = """
        set -e
        mount -t tmpfs none /run
        mkdir -p /run/avahi-daemon
        mount --bind "$1" /run/avahi-daemon
        [ -z "$2" ] || mount --bind "$2" /etc/avahi/services
        conf=$3
        if [ "$4" != restart ]; then
          exec /usr/sbin/avahi-daemon -f "$conf" --no-drop-root --no-chroot --no-rlimits
        fi
        trap 'kill $child 2>/dev/null; exit 0' INT TERM
        while :; do
          /usr/sbin/avahi-daemon -f "$conf" --no-drop-root --no-chroot --no-rlimits & child=$!
          set +e; wait $child; status=$?; set -e
          [ $status -eq 0 ] || exit $status
        done
        """;

    private readonly DaemonProcess _process;

    private AvahiDaemon(DaemonProcess process, string runtimeDirectory)
    {
        _process = process;
        RuntimeDirectory = runtimeDirectory;
    }

    /// <summary>The directory avahi sees as /run/avahi-daemon.</summary>
    public string RuntimeDirectory { get; }

    public string PidFile => Path.Combine(RuntimeDirectory, "pid");

    /// <summary>How many times avahi has finished starting (more than one after restarts).</summary>
    public int Starts => _process.RecentOutput.Split('\n').Count(line => line.Contains(StartedLine, StringComparison.Ordinal));

    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts avahi and waits until it has joined its interfaces' multicast groups.</summary>
    public static async Task<AvahiDaemon> StartAsync(
        NetworkNamespace space, string configPath, AvahiDaemonOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(configPath);
        options ??= new AvahiDaemonOptions();
        var daemon = MdnsTools.AvahiDaemon.Path;
        if (daemon != "/usr/sbin/avahi-daemon")
        {
            throw new MissingToolException($"avahi-daemon is expected at /usr/sbin/avahi-daemon (found {daemon}): run `apt-get install avahi-daemon`.");
        }

        var runtime = Directory.CreateTempSubdirectory("fos1-avahi-").FullName;
        var process = DaemonProcess.Start(
            $"avahi-daemon in {space.Name}",
            space.Command(MdnsTools.Unshare, ["-m", "/bin/sh", "-c", Script, "fos1-avahi", runtime, options.ServicesDirectory ?? "", Path.GetFullPath(configPath), options.RestartOnExit ? "restart" : ""]));
        var started = new AvahiDaemon(process, runtime);
        try
        {
            await started.WaitForStartsAsync(1, TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
            return started;
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until avahi has started <paramref name="count"/> times in all.</summary>
    public async Task WaitForStartsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await Poll.UntilAsync(
            () => Starts >= count || _process.HasExited,
            timeout,
            $"avahi-daemon start number {count}",
            _process.Describe,
            cancellationToken).ConfigureAwait(false);
        if (Starts < count)
        {
            throw new InvalidOperationException($"avahi-daemon exited: {_process.Describe()}");
        }
    }

    public string Describe() => _process.Describe();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(RuntimeDirectory, recursive: true);
    }
}
