namespace Fos1.Kea.ControlSocket;

/// <summary>Reads a stream to its end, refusing to hold more than a cap (a runaway reply must not exhaust memory).</summary>
internal static class CappedReader
{
    public static async Task<byte[]> ReadToEndAsync(Stream stream, int maxBytes, string endpoint, string command, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new KeaControlException(
                    KeaControlFailure.ReplyTooLarge,
                    $"Kea's reply to '{command}' from {endpoint} exceeds {maxBytes} bytes; lower the page size or raise MaxReplyBytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
