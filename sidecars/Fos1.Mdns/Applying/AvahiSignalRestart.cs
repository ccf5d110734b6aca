using System.Globalization;
using CliWrap;
using CliWrap.Buffered;

namespace Fos1.Mdns.Applying;

/// <summary>
/// Restarts avahi by sending SIGTERM to the pid in its pid file (what <c>avahi-daemon -k</c> does, without needing
/// avahi's binary in the sidecar image). Something else starts the daemon again: the avahi container's restart
/// policy, or a shell loop as its entrypoint (faster: kubelet backs off repeated restarts). The sidecar must see
/// the process: <c>shareProcessNamespace: true</c> in the pod, or the same host pid namespace.
/// </summary>
public sealed class AvahiSignalRestart : IAvahiRestart
{
    private readonly string _pidFile;
    private readonly string _kill;

    /// <param name="pidFile">avahi's pid file, as the sidecar sees it (a shared emptyDir over /run/avahi-daemon).</param>
    /// <param name="killExecutable">kill(1) from procps or coreutils.</param>
    public AvahiSignalRestart(string pidFile = AvahiPidFile.DefaultPath, string killExecutable = "/bin/kill")
    {
        ArgumentNullException.ThrowIfNull(pidFile);
        ArgumentNullException.ThrowIfNull(killExecutable);
        _pidFile = pidFile;
        _kill = killExecutable;
    }

    public async Task<AvahiRestartOutcome> RestartAsync(CancellationToken cancellationToken = default)
    {
        // A stale pid file (avahi killed hard) may name a process that is gone, or a reused pid of another program.
        if (AvahiPidFile.Read(_pidFile) is not { } pid || !IsAvahi(pid))
        {
            return AvahiRestartOutcome.NotRunning;
        }

        var result = await Cli.Wrap(_kill)
            .WithArguments(["-s", "TERM", pid.ToString(CultureInfo.InvariantCulture)])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return AvahiRestartOutcome.Signalled;
        }

        if (!IsAvahi(pid))
        {
            return AvahiRestartOutcome.NotRunning;
        }

        throw new InvalidOperationException(
            $"`{_kill} -s TERM {pid}` (avahi-daemon from {_pidFile}) exited with {result.ExitCode}: {result.StandardError.Trim()}. "
            + "The sidecar needs to see avahi's process (shareProcessNamespace: true) and the right to signal it (same user, or CAP_KILL).");
    }

    private static bool IsAvahi(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim() == "avahi-daemon";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
