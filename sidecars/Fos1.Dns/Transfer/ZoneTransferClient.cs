using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Fos1.Ddns.Updates;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Transfer;

/// <summary>
/// Reads a whole zone with AXFR over TCP (RFC 5936), optionally TSIG-signed with the chain of MACs verified. The
/// answer is a stream of length-prefixed messages that starts and ends with the zone's SOA.
/// </summary>
public sealed class ZoneTransferClient
{
    private readonly ZoneTransferOptions _options;
    private readonly TimeProvider _time;

    public ZoneTransferClient(ZoneTransferOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new ZoneTransferOptions();
        _time = time ?? TimeProvider.System;
    }

    public async Task<TransferredZone> TransferAsync(IPEndPoint server, DnsName zone, TsigKey? key = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(zone);
        var what = $"AXFR of {zone} from {server}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server, deadline.Token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
            var (request, requestMac) = AxfrRequest.Build(zone, id, key, _time.GetUtcNow());
            var framed = new byte[2 + request.Length];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)request.Length);
            request.CopyTo(framed, 2);
            await stream.WriteAsync(framed, deadline.Token).ConfigureAwait(false);
            return await ReadAnswerAsync(stream, zone, id, key is null ? null : new TransferTsigVerifier(key, requestMac), what, deadline.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ZoneTransferException(ZoneTransferFailure.Timeout, $"{what} did not complete within {_options.Timeout.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new ZoneTransferException(ZoneTransferFailure.Unreachable, $"{what} failed: {e.Message}", e);
        }
        catch (ZoneTransferException e) when (!e.Message.Contains(what, StringComparison.Ordinal))
        {
            throw new ZoneTransferException(e.Failure, $"{what}: {e.Message}", e.InnerException);
        }
    }

    private async Task<TransferredZone> ReadAnswerAsync(
        NetworkStream stream, DnsName zone, ushort id, TransferTsigVerifier? verifier, string what, CancellationToken cancellationToken)
    {
        var records = new List<TransferredRecord>();
        var lengthPrefix = new byte[2];
        uint? serial = null;
        var messages = 0;
        var owners = new RecentOwnerName();
        while (true)
        {
            await stream.ReadExactlyAsync(lengthPrefix, cancellationToken).ConfigureAwait(false);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthPrefix)];
            await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
            var parsed = TransferMessageReader.Parse(message, owners);
            messages++;
            if (parsed.Id != id)
            {
                throw new ZoneTransferException(ZoneTransferFailure.Malformed, $"{what}: a message has id {parsed.Id}, the request had {id}");
            }

            if (parsed.Rcode != 0)
            {
                var tsigError = parsed.Tsig is { Error: not 0 } t ? $", TSIG error {t.Error}" : "";
                throw new ZoneTransferException(
                    ZoneTransferFailure.Refused,
                    $"{what} was refused with {(ResponseCode)parsed.Rcode}{tsigError} (does the server allow transfers to us / this key?)");
            }

            verifier?.Accept(message, parsed.Tsig, _time.GetUtcNow());
            foreach (var record in parsed.Records)
            {
                if (serial is null)
                {
                    if (record.Type != TransferMessageReader.TypeSoa || record.Name != zone || record.RawData.Length < 20)
                    {
                        throw new ZoneTransferException(ZoneTransferFailure.Malformed, $"{what}: the answer does not start with the zone's SOA");
                    }

                    serial = BinaryPrimitives.ReadUInt32BigEndian(record.RawData.Span[^20..]);
                    records.Add(record);
                    continue;
                }

                if (record.Type == TransferMessageReader.TypeSoa && record.Name == zone)
                {
                    verifier?.Finish();
                    return new TransferredZone(zone, serial.Value, records, messages);
                }

                if (records.Count >= _options.MaxRecords)
                {
                    throw new ZoneTransferException(ZoneTransferFailure.TooLarge, $"{what}: the zone has more than {_options.MaxRecords} records");
                }

                records.Add(record);
            }

            if (serial is null)
            {
                throw new ZoneTransferException(ZoneTransferFailure.Malformed, $"{what}: the first message carries no records");
            }
        }
    }
}
