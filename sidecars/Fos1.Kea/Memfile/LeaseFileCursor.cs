using System.Text;

namespace Fos1.Kea.Memfile;

/// <summary>
/// An open lease file read forward from where it was left: only complete lines are handed out, so a row Kea is
/// still writing is picked up whole on the next read. The handle follows the file across renames.
/// </summary>
internal sealed class LeaseFileCursor : IDisposable
{
    private readonly FileStream _stream;
    private readonly MemoryStream _partial = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    private LeaseFileCursor(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The path the file was opened under (it may have been renamed since).</summary>
    public string Path { get; }

    public MemfileHeader? Header { get; set; }

    public long Position => _stream.Position;

    /// <returns>Null when the file does not exist.</returns>
    public static LeaseFileCursor? TryOpen(string path)
    {
        try
        {
            // Kea keeps the file open for appending and renames it during LFC: share both.
            return new LeaseFileCursor(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Appends every complete line written since the last call; <paramref name="final"/> also flushes an unterminated last line.</summary>
    public async Task ReadLinesAsync(List<string> lines, bool final, CancellationToken cancellationToken)
    {
        int read;
        while ((read = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (_buffer[i] == (byte)'\n')
                {
                    _partial.Write(_buffer, start, i - start);
                    lines.Add(Encoding.UTF8.GetString(_partial.GetBuffer(), 0, (int)_partial.Length));
                    _partial.SetLength(0);
                    start = i + 1;
                }
            }

            _partial.Write(_buffer, start, read - start);
        }

        if (final && _partial.Length > 0)
        {
            lines.Add(Encoding.UTF8.GetString(_partial.GetBuffer(), 0, (int)_partial.Length));
            _partial.SetLength(0);
        }
    }

    /// <summary>
    /// True when <paramref name="other"/> (just opened under the same path) is a different file: LFC renamed this
    /// one to <c>.1</c> (or removed it) and Kea started a new one. Linux names an open file's current path in
    /// /proc/self/fd, which resolves symlinks the same way for both handles.
    /// </summary>
    public bool IsReplacedBy(LeaseFileCursor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = CurrentName();
        var theirs = other.CurrentName();
        if (mine is not null && theirs is not null)
        {
            return !string.Equals(mine, theirs, StringComparison.Ordinal);
        }

        // Without /proc: a live file shorter than what was read is a new one.
        return other._stream.Length < _stream.Position;
    }

    private string? CurrentName()
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/self/fd/{_stream.SafeFileHandle.DangerousGetHandle()}", returnFinalTarget: false)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _partial.Dispose();
    }
}
