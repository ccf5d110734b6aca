using System.Net.Sockets;

namespace Fos1.Kea.ControlSocket;

/// <summary>
/// A Kea daemon's own unix control socket: one command per connection; Kea answers and closes, so the reply
/// is read to the end of the stream.
/// </summary>
public sealed class KeaUnixSocketChannel : IKeaControlChannel
{
    private readonly string _path;
    private readonly int _maxReplyBytes;
    private readonly TimeSpan _timeout;

    public KeaUnixSocketChannel(string socketPath, int maxReplyBytes = 16 * 1024 * 1024, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        _path = socketPath;
        _maxReplyBytes = maxReplyBytes;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    public string Endpoint => "unix:" + _path;

    public async Task<KeaCommandResponse> SendAsync(KeaCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        byte[] reply;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_path), deadline.Token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync(command.ToUtf8Json(), deadline.Token).ConfigureAwait(false);
            reply = await CappedReader.ReadToEndAsync(stream, _maxReplyBytes, Endpoint, command.Name, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KeaControlException(KeaControlFailure.Timeout, $"Kea at {Endpoint} did not answer '{command.Name}' within {_timeout.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new KeaControlException(
                KeaControlFailure.Unreachable,
                $"Kea at {Endpoint} is unreachable for '{command.Name}': {e.Message} (is the daemon running with this control-socket?)",
                e);
        }

        return KeaReply.Parse(reply, Endpoint, command.Name);
    }
}
