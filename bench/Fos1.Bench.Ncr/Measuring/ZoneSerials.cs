using Fos1.Bench.Common.Measuring;
using System.Net;
using System.Net.Sockets;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// Reads zones' SOA serials. BIND adds one to the serial for every UPDATE that changes a zone, so the serial
/// is a cheap progress counter while a run drains (the final count comes from a zone transfer).
/// </summary>
public sealed class ZoneSerials : IDisposable
{
    private readonly Socket _socket;
    private ushort _nextId = (ushort)Random.Shared.Next(ushort.MaxValue);

    public ZoneSerials(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 500 };
        _socket.Connect(server);
    }

    /// <summary>The zone's serial, or null when BIND did not answer within half a second.</summary>
    public uint? Read(string zone)
    {
        var id = unchecked(_nextId++);
        _socket.Send(QueryWire.Query(id, zone, QueryWire.TypeSoa));
        var buffer = new byte[4096];
        while (true)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (SocketException)
            {
                return null;
            }

            if (QueryWire.TryReadReply(buffer.AsSpan(0, length), out var replyId, out _, out _) && replyId == id)
            {
                return QueryWire.TryReadSoaSerial(buffer.AsSpan(0, length), out var serial) ? serial : null;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
