using System.Text;

namespace Fos1.Zones.Store;

/// <summary>
/// Replaces a file so that a reader (CoreDNS's file plugin, the next start) sees the old or the new
/// content, never a mix: temp file in the same directory, fsync, rename over, fsync the directory.
/// </summary>
internal static class AtomicFile
{
    public const string TempMarker = ".tmp-";

    public static void Write(string path, string text) => Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)), durable: true);

    /// <param name="durable">
    /// False for a copy that can be rebuilt (the published file, rewritten at every start): the rename is
    /// still atomic for readers, but neither the file nor the directory is fsynced.
    /// </param>
    public static void Write(string path, Action<Stream> write, bool durable)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + TempMarker + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        if (durable)
        {
            Fos1.Outbox.Journaling.DirectorySync.Flush(directory);
        }
    }

    /// <summary>Leftovers of writes cut short by a crash.</summary>
    public static void DeleteTemporaries(string directory)
    {
        foreach (var leftover in System.IO.Directory.EnumerateFiles(directory, "*" + TempMarker + "*"))
        {
            File.Delete(leftover);
        }
    }
}
