namespace Fos1.Kubernetes.Clients;

/// <summary>Splits a watch response body into its newline-terminated lines without copying them into strings.</summary>
internal sealed class WatchLineReader(Stream body)
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>
    /// The next non-empty line, or null when the server closed the stream after a complete line. A stream that ends
    /// in the middle of a line throws: the last event was cut off, not finished.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = new ReadOnlyMemory<byte>(_buffer, _start, newline - _start);
                _start = newline + 1;
                if (line.Span.Trim((byte)'\r').IsEmpty)
                {
                    continue;
                }

                return line;
            }

            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_buffer.AsSpan(0, _end).Trim("\r\n \t"u8).IsEmpty)
                {
                    return null;
                }

                throw new IOException($"The watch stream ended in the middle of an event ({_end} bytes without a newline).");
            }

            _end += read;
        }
    }
}
