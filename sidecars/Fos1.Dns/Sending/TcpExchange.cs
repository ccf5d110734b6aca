using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Fos1.Dns.Sending;

/// <summary>One request and one response over a fresh TCP connection (RFC 1035 4.2.2 length framing).</summary>
internal static class TcpExchange
{
    public static async Task<byte[]> ExchangeAsync(IPEndPoint server, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server, cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);

        var framed = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed.AsMemory(2));
        await stream.WriteAsync(framed, cancellationToken);

        var lengthPrefix = new byte[2];
        await stream.ReadExactlyAsync(lengthPrefix, cancellationToken);
        var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthPrefix)];
        await stream.ReadExactlyAsync(response, cancellationToken);
        return response;
    }
}
