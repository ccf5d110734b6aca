using Microsoft.Win32.SafeHandles;

namespace Fos1.Outbox.Journaling;

/// <summary>Receives one intact record during replay; the span is only valid during the call.</summary>
public delegate void JournalReplay(long payloadOffset, ReadOnlySpan<byte> payload);

/// <summary>Reads frames front to back and stops at the first torn or corrupt one.</summary>
internal static class JournalScan
{
    /// <summary>Returns the end of the last intact frame (everything after it is a torn or corrupt tail).</summary>
    public static long Run(SafeFileHandle handle, long fileLength, JournalReplay replay)
    {
        var reader = new ChunkReader(handle, fileLength);
        long position = JournalFrame.FileHeaderLength;
        while (position < fileLength)
        {
            if (!reader.TryGet(position, JournalFrame.HeaderLength, out var header))
            {
                break;
            }

            var payloadLength = JournalFrame.PayloadLength(header);
            if (payloadLength < 0 || !reader.TryGet(position, JournalFrame.HeaderLength + payloadLength, out var frame))
            {
                break;
            }

            var payload = frame[JournalFrame.HeaderLength..];
            if (!JournalFrame.IsIntact(frame, payload))
            {
                break;
            }

            replay(position + JournalFrame.HeaderLength, payload);
            position += JournalFrame.HeaderLength + payloadLength;
        }

        return position;
    }

    private sealed class ChunkReader(SafeFileHandle handle, long fileLength)
    {
        private byte[] _buffer = new byte[1 << 20];
        private long _bufferStart;
        private int _bufferCount;

        public bool TryGet(long position, int count, out ReadOnlySpan<byte> bytes)
        {
            bytes = default;
            if (position + count > fileLength)
            {
                return false;
            }

            if (position < _bufferStart || position + count > _bufferStart + _bufferCount)
            {
                if (count > _buffer.Length)
                {
                    _buffer = new byte[count];
                }

                _bufferStart = position;
                _bufferCount = 0;
                var wanted = (int)Math.Min(_buffer.Length, fileLength - position);
                while (_bufferCount < wanted)
                {
                    var read = RandomAccess.Read(handle, _buffer.AsSpan(_bufferCount, wanted - _bufferCount), position + _bufferCount);
                    if (read == 0)
                    {
                        return false;
                    }

                    _bufferCount += read;
                }
            }

            bytes = _buffer.AsSpan((int)(position - _bufferStart), count);
            return true;
        }
    }
}
