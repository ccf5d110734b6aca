using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Fos1.Outbox.Journaling;

/// <summary>Start-up: create or replay the file, and repair a torn tail.</summary>
public sealed partial class Journal
{
    /// <summary>
    /// Opens (or creates) the journal at <paramref name="path"/>, replays every intact record in file order,
    /// and cuts off a torn or corrupt tail. <paramref name="onBatch"/> runs on the writer thread after each
    /// batch, in append order, before the batch's tasks complete (error = null when durable).
    /// </summary>
    public static Journal Open(string path, string name, JournalReplay replay, ILogger logger, OutboxMetrics? metrics = null,
        Action<IReadOnlyList<JournalWrite>, Exception?>? onBatch = null)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(logger);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        File.Delete(fullPath + ".compacting");

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The journal '{fullPath}' is locked by another process; only one sidecar may own a journal directory.", e);
        }

        try
        {
            var length = RandomAccess.GetLength(handle);
            if (length < JournalFrame.FileHeaderLength)
            {
                // New file, or a crash while creating it: nothing acknowledged can be in it.
                RandomAccess.SetLength(handle, 0);
                RandomAccess.Write(handle, JournalFrame.FileHeader(), 0);
                RandomAccess.FlushToDisk(handle);
                DirectorySync.Flush(directory);
                return new Journal(fullPath, name, handle, JournalFrame.FileHeaderLength, logger, metrics, onBatch);
            }

            var header = new byte[JournalFrame.FileHeaderLength];
            RandomAccess.Read(handle, header, 0);
            if (!JournalFrame.IsFileHeader(header))
            {
                throw new InvalidDataException($"'{fullPath}' is not a journal of a format this version reads (bad header); move it away to start empty.");
            }

            var end = JournalScan.Run(handle, length, replay);
            if (end < length)
            {
                RandomAccess.SetLength(handle, end);
                RandomAccess.FlushToDisk(handle);
                LogTailTruncated(logger, fullPath, end, length - end);
                metrics?.TailTruncated(name);
            }

            return new Journal(fullPath, name, handle, end, logger, metrics, onBatch) { TruncatedBytes = length - end };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning,
        Message = "Journal {Path}: torn or corrupt tail cut off at offset {Offset} ({Bytes} bytes dropped; records before it kept)")]
    private static partial void LogTailTruncated(ILogger logger, string path, long offset, long bytes);
}
