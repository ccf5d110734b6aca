using System.Text;

namespace Fos1.Zones.Store;

/// <summary>
/// Replaces a file so that a reader (CoreDNS's file plugin, the next start) sees the old or the new
/// content, never a mix: temp file in the same directory, fsync, rename over, fsync the directory.
/// </summary>
internal static class AtomicFile
{
    public const string TempMarker = ".tmp-";

    public static void Write(string path, string text)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + TempMarker + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        Fos1.Outbox.Journaling.DirectorySync.Flush(directory);
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
