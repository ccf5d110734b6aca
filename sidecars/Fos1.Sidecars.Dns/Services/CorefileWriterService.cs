using System.Text;
using Fos1.Corefile;
using Fos1.Outbox.Journaling;
using Fos1.Sidecars.Dns.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// Writes the Corefile CoreDNS loads at start-up, rendered from the served zones. CoreDNS's <c>reload</c>
/// plugin reloads when the file's checksum changes, so an unchanged Corefile is left alone; a changed
/// one replaces the old in one rename, so CoreDNS never reads half a file.
/// </summary>
public sealed partial class CorefileWriterService(
    IOptions<CorefileOptions> corefile, IOptions<DnsSidecarOptions> sidecar, ILogger<CorefileWriterService> logger) : IHostedService
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = corefile.Value;
        if (options.Enabled)
        {
            var text = new CorefileRenderer(options.LoadTemplates()).Render(options.ToSpec(sidecar.Value));
            var path = Path.GetFullPath(options.Path!);
            if (WriteIfChanged(path, Utf8.GetBytes(text)))
            {
                LogWritten(logger, path);
            }
            else
            {
                LogUnchanged(logger, path);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>Whether the file was (re)written.</returns>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);

        // Same directory, so the rename is atomic; fsync before it, or a crash could leave an empty Corefile.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        DirectorySync.Flush(directory);
        return true;
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Wrote the Corefile {Path}")]
    private static partial void LogWritten(ILogger logger, string path);

    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "The Corefile {Path} is already current; left untouched")]
    private static partial void LogUnchanged(ILogger logger, string path);
}
