using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;
using Fos1.Zones.Records;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// Tells secondaries that a zone changed (RFC 1996): a NOTIFY (opcode 4, AA, question zone/SOA/IN)
/// over UDP to each, resent every <see cref="Interval"/> until a response with the same id arrives
/// or <see cref="Tries"/> are spent. The secondaries then ask for the SOA and transfer.
/// </summary>
public sealed class NotifySender(ILogger logger, TimeProvider? time = null)
{
    private const byte OpcodeNotify = 4;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _acknowledged;
    private long _unanswered;

    public int Tries { get; init; } = 3;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public long AcknowledgedCount => Interlocked.Read(ref _acknowledged);

    public long UnansweredCount => Interlocked.Read(ref _unanswered);

    /// <summary>Notifies every secondary in parallel; one result per secondary, in the given order.</summary>
    public async Task<IReadOnlyList<NotifyResult>> NotifyAsync(
        DnsName zone, uint serial, IReadOnlyList<IPEndPoint> secondaries, TsigKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(secondaries);
        return await Task.WhenAll(secondaries.Select(s => NotifyOneAsync(zone, serial, s, key, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<NotifyResult> NotifyOneAsync(DnsName zone, uint serial, IPEndPoint secondary, TsigKey? key, CancellationToken cancellationToken)
    {
        var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        using var socket = new Socket(secondary.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(secondary);
        var buffer = new byte[65535];
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            await socket.SendAsync(Encode(id, zone, key, _time.GetUtcNow()), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = Task.Delay(Interval, _time, wait.Token);
            while (true)
            {
                var receive = socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token).AsTask();
                if (await Task.WhenAny(receive, timeout).ConfigureAwait(false) != receive)
                {
                    await wait.CancelAsync().ConfigureAwait(false);
                    await Quietly(receive).ConfigureAwait(false);
                    break;
                }

                int length;
                try
                {
                    length = await receive.ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // ICMP port unreachable: nobody listens yet; wait for the next try.
                    await Quietly(timeout).ConfigureAwait(false);
                    break;
                }

                if (length >= DnsHeader.Length && BinaryPrimitives.ReadUInt16BigEndian(buffer) == id && (buffer[2] & 0x80) != 0)
                {
                    var code = (ResponseCode)(buffer[3] & 0x0F);
                    await wait.CancelAsync().ConfigureAwait(false);
                    await Quietly(timeout).ConfigureAwait(false);
                    if (code == ResponseCode.NoError)
                    {
                        Interlocked.Increment(ref _acknowledged);
                        TransferLog.NotifyAcknowledged(logger, zone, serial, secondary, attempt);
                    }
                    else
                    {
                        TransferLog.NotifyRejected(logger, zone, secondary, code);
                    }

                    return new NotifyResult(secondary, code, attempt);
                }
            }
        }

        Interlocked.Increment(ref _unanswered);
        TransferLog.NotifyUnanswered(logger, zone, serial, secondary, Tries);
        return new NotifyResult(secondary, null, Tries);
    }

    internal static byte[] Encode(ushort id, DnsName zone, TsigKey? key, DateTimeOffset now)
    {
        var buffer = new byte[DnsHeader.Length + WireNames.MaxLength(zone) + 4 + 512];
        var writer = new WireWriter(buffer);
        writer.U16(id);
        writer.U16((ushort)((OpcodeNotify << 11) | 0x0400));
        writer.U16(1);
        writer.U16(0);
        writer.U16(0);
        writer.U16(0);
        writer.Name(zone, compress: false);
        writer.U16(DnsType.Soa);
        writer.U16(DnsClass.In);
        if (key is not null)
        {
            TsigSigner.AppendTsig(ref writer, id, key, now);
        }

        return buffer.AsSpan(0, writer.Position).ToArray();
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }
    }
}
