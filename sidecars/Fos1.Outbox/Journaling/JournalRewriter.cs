using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Fos1.Outbox.Journaling;

/// <summary>
/// Writes the replacement file during compaction. Nothing changes on disk for readers of the journal
/// until <see cref="Commit"/>; without it the temporary file is deleted.
/// </summary>
public sealed class JournalRewriter : IDisposable
{
    private const int FlushAt = 1 << 20;

    private readonly Journal _journal;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt + 4096);
    private long _written;
    private bool _committed;

    internal JournalRewriter(Journal journal, string tempPath)
    {
        _journal = journal;
        TempPath = tempPath;
        Handle = File.OpenHandle(tempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        _buffer.Write(JournalFrame.FileHeader());
    }

    internal string TempPath { get; }

    internal SafeFileHandle Handle { get; }

    internal long Length => _written + _buffer.WrittenCount;

    /// <summary>Appends one record and returns the offset its payload will have in the new file.</summary>
    public long Append(ReadOnlySpan<byte> payload)
    {
        var offset = Length + JournalFrame.HeaderLength;
        JournalFrame.Write(_buffer, payload);
        if (_buffer.WrittenCount >= FlushAt)
        {
            FlushBuffer();
        }

        return offset;
    }

    /// <summary>fsyncs the new file, renames it over the journal, fsyncs the directory and switches to it.</summary>
    public void Commit()
    {
        FlushBuffer();
        RandomAccess.FlushToDisk(Handle);
        _journal.Install(this);
    }

    internal void Installed() => _committed = true;

    private void FlushBuffer()
    {
        RandomAccess.Write(Handle, _buffer.WrittenSpan, _written);
        _written += _buffer.WrittenCount;
        _buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        Handle.Dispose();
        File.Delete(TempPath);
    }
}
