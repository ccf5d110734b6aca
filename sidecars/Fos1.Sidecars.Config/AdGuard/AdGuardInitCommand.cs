using System.Text;
using Fos1.AdGuard.Yaml;
using Fos1.Sidecars.Config.Configuration;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Config.AdGuard;

/// <summary>
/// <c>fos1-config-sidecar init-adguard [--force]</c>, for an initContainer: lists DNSFilterList and DNSClient once
/// and writes the complete schema-34 AdGuardHome.yaml, but only when the file does not exist yet (AdGuard owns
/// and rewrites it afterwards) or with --force. Live changes are the long-running mode's job.
/// </summary>
/// <param name="listResources">Lists the resources (<see cref="AdGuardResources.Lister"/>); null renders none.</param>
public sealed partial class AdGuardInitCommand(
    AdGuardSidecarOptions settings, Func<CancellationToken, Task<AdGuardResources>>? listResources, ILogger<AdGuardInitCommand> logger)
{
    public const int Written = 0;
    public const int Failed = 1;

    public async Task<int> RunAsync(bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Path.GetFullPath(settings.ConfigFile);
        if (File.Exists(path) && !force)
        {
            LogKept(path);
            return Written;
        }

        try
        {
            var (lists, clients) = listResources is null ? AdGuardResources.None : await listResources(cancellationToken).ConfigureAwait(false);
            var rendering = AdGuardConfigRenderer.Render(lists, clients, settings.RenderOptions());
            foreach (var outcome in rendering.Outcomes)
            {
                LogLeftOut(outcome.Resource.ToString(), outcome.Reason, outcome.Message);
            }

            await WriteAtomicallyAsync(path, rendering.Yaml, cancellationToken).ConfigureAwait(false);
            LogWritten(path, lists.Count, clients.Count, rendering.Desired.Filters.Count, rendering.Desired.Clients.Count);
            return Written;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, path);
            return Failed;
        }
    }

    // AdGuard must never start from half a file: a temporary file in the same directory, renamed over the target.
    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "{Path} exists: AdGuard Home owns it, left alone (--force rewrites it)")]
    private partial void LogKept(string path);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information,
        Message = "Wrote {Path} (schema 34) from {Lists} DNSFilterList and {Clients} DNSClient resources: {Filters} filters, {PersistentClients} persistent clients")]
    private partial void LogWritten(string path, int lists, int clients, int filters, int persistentClients);

    [LoggerMessage(EventId = 712, Level = LogLevel.Warning, Message = "{Resource} left out of the file: {Reason}: {Message}")]
    private partial void LogLeftOut(string resource, string reason, string message);

    [LoggerMessage(EventId = 713, Level = LogLevel.Error, Message = "Could not write {Path}")]
    private partial void LogFailed(Exception exception, string path);
}
