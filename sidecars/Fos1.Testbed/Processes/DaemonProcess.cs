using System.Collections.Concurrent;
using CliWrap;

namespace Fos1.Testbed.Processes;

/// <summary>
/// A long-running process started with CliWrap: its output is kept (the last lines) for diagnostics,
/// and stopping it escalates from SIGINT to SIGKILL.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private const int KeptLines = 500;

    private readonly ConcurrentQueue<string> _output = new();
    private readonly CancellationTokenSource _forceful = new();
    private readonly CancellationTokenSource _graceful = new();
    private readonly Task _completion;
    private int _exitCode = -1;

    private DaemonProcess(string name, Command command)
    {
        Name = name;
        var task = command
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Keep))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Keep))
            .ExecuteAsync(_forceful.Token, _graceful.Token);
        ProcessId = task.ProcessId;
        _completion = ObserveAsync(task);
    }

    public string Name { get; }

    public int ProcessId { get; }

    public bool HasExited => _completion.IsCompleted;

    /// <summary>The exit code, or -1 while running or when it was killed.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public static DaemonProcess Start(string name, Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new DaemonProcess(name, command);
    }

    public bool OutputContains(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>A description for exception messages: name, pid, state and recent output.</summary>
    public string Describe() =>
        $"{Name} (pid {ProcessId}, {(HasExited ? $"exited with {ExitCode}" : "running")}); recent output:{Environment.NewLine}{RecentOutput}";

    /// <summary>Asks the process to stop (SIGINT), kills it if it is still running after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            await _graceful.CancelAsync().ConfigureAwait(false);
            if (await Task.WhenAny(_completion, Task.Delay(grace)).ConfigureAwait(false) != _completion)
            {
                await _forceful.CancelAsync().ConfigureAwait(false);
            }
        }

        await _completion.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _forceful.Dispose();
        _graceful.Dispose();
    }

    private void Keep(string line)
    {
        _output.Enqueue(line);
        while (_output.Count > KeptLines)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task ObserveAsync(CommandTask<CommandResult> task)
    {
        try
        {
            var result = await task.ConfigureAwait(false);
            Volatile.Write(ref _exitCode, result.ExitCode);
        }
        catch (OperationCanceledException)
        {
            // Stopped by us: the exit code stays -1.
        }
    }
}
