using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kea;

/// <summary>Kea's unix control socket: one JSON command per connection; Kea replies and closes.</summary>
public sealed record KeaControlSocket(string Path)
{
    public async Task<KeaCommandResult> SendAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["command"] = command };
        if (arguments is not null)
        {
            request["arguments"] = arguments.DeepClone();
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path), cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        using var reply = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
        {
            reply.Write(buffer, 0, read);
        }

        return KeaCommandResult.Parse(Encoding.UTF8.GetString(reply.ToArray()));
    }
}
