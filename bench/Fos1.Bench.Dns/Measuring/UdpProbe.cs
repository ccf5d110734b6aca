using Fos1.Bench.Common.Measuring;
using System.Net;
using System.Net.Sockets;
using Fos1.Ddns;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>A plain UDP query (as any resolver would ask), one socket per question.</summary>
public sealed class UdpProbe(IPEndPoint server) : PollingProbe
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMilliseconds(500);

    public override string Name => "UDP query";

    protected override async Task<bool> AnswersAsync(DnsName name, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(server, cancellationToken);
        var id = (ushort)Random.Shared.Next(ushort.MaxValue);
        await socket.SendAsync(QueryWire.Query(id, name.ToString(), QueryWire.TypeA), cancellationToken);
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, timeout.Token);
                if (QueryWire.TryReadReply(buffer.AsSpan(0, length), out var replyId, out var rcode, out var answers) && replyId == id)
                {
                    return rcode == 0 && answers > 0;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
