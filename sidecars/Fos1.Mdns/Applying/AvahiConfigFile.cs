using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Mdns.Applying;

/// <summary>
/// The avahi-daemon.conf avahi reads (<c>avahi-daemon -f PATH</c>). <see cref="ApplyAsync"/> replaces it
/// atomically (a temporary file in the same directory renamed over it, so avahi never reads half a file) and
/// restarts avahi, but only when the text differs from what the file holds: an unchanged rendering never
/// interrupts reflection.
/// </summary>
public sealed class AvahiConfigFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IAvahiRestart _restart;
    private readonly ILogger _logger;
    private readonly AvahiMetrics? _metrics;

    /// <param name="metrics">Counts applies by result; null: not counted.</param>
    public AvahiConfigFile(string path, IAvahiRestart restart, ILogger<AvahiConfigFile>? logger = null, AvahiMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(restart);
        Path = System.IO.Path.GetFullPath(path);
        _restart = restart;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string Path { get; }

    /// <summary>The text the file holds now, or null when there is no file.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllTextAsync(Path, Utf8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<AvahiApplyResult> ApplyAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var result = await ApplyChangedAsync(text, cancellationToken).ConfigureAwait(false);
            _metrics?.Applied(result.ToString());
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics?.Applied("Failed");
            throw;
        }
    }

    private async Task<AvahiApplyResult> ApplyChangedAsync(string text, CancellationToken cancellationToken)
    {
        if (string.Equals(await ReadAsync(cancellationToken).ConfigureAwait(false), text, StringComparison.Ordinal))
        {
            AvahiConfigFileLog.Unchanged(_logger, Path);
            return AvahiApplyResult.Unchanged;
        }

        await ReplaceAsync(text, cancellationToken).ConfigureAwait(false);
        var outcome = await _restart.RestartAsync(cancellationToken).ConfigureAwait(false);
        AvahiConfigFileLog.Replaced(_logger, Path, outcome);
        return outcome == AvahiRestartOutcome.Signalled ? AvahiApplyResult.Restarted : AvahiApplyResult.WrittenNotRunning;
    }

    private async Task ReplaceAsync(string text, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(Utf8.GetBytes(text), cancellationToken).ConfigureAwait(false);

                // Durable before the rename, so a crash leaves the old file or the new one, never an empty one.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
