// Why our own encoder and signer instead of ARSoft.Tools.Net 3.6.1's DnsUpdateMessage:
// - ARSoft cannot sign two of the six algorithms Kea D2 offers correctly: it has no HMAC-SHA224 at
//   all, and its TSigAlgorithm.Sha384 produces an HMAC-SHA256 MAC (checked on this machine).
// - ARSoft's response handling hides failures: SendUpdateAsync returns null on timeout, swallows
//   exceptions, and a response whose TSIG does not verify does not throw. We need each failure kind.
// - Throughput (>10,000 UPDATEs/s on 2 cores): an UPDATE is a header, a zone and a handful of RRs of
//   four types. Writing them straight into one buffer and running one HMAC over message + TSIG
//   variables costs two allocations; ARSoft builds an object graph and re-serializes per signing.
// - The bytes are the contract with BIND/Knot/our dns sidecar: tests assert them octet for octet, and
//   the integration tests prove every algorithm and every prerequisite/update kind against BIND.
// Responses are parsed by UpdateResponse (header, section skipping, TSIG verification) for the same
// reasons; ARSoft is therefore not referenced by this project at all.
using Fos1.Ddns;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Dns.Tsig;
using System.Buffers;
using System.Net.Sockets;

namespace Fos1.Dns.Wire;

/// <summary>Turns an <see cref="UpdateMessagePlan"/> into RFC 2136 UPDATE octets, TSIG-signed per RFC 8945.</summary>
public static class UpdateMessageEncoder
{
    /// <summary>Allowed clock skew between us and the server (RFC 8945 recommends 300 s).</summary>
    public const ushort FudgeSeconds = 300;

    internal const byte OpcodeUpdate = 5;
    internal const ushort ClassIn = 1;
    internal const ushort ClassNone = 254;
    internal const ushort ClassAny = 255;
    internal const ushort TypeAny = 255;
    internal const ushort TypeSoa = 6;
    internal const ushort TypeTsig = 250;

    public static EncodedUpdate Encode(UpdateMessagePlan plan, ushort transactionId) =>
        Encode(plan, transactionId, key: null, default);

    /// <param name="key">Signs the message when not null.</param>
    /// <param name="timeSigned">The TSIG "time signed"; ignored for unsigned messages.</param>
    public static EncodedUpdate Encode(UpdateMessagePlan plan, ushort transactionId, TsigKey? key, DateTimeOffset timeSigned)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rented = ArrayPool<byte>.Shared.Rent(MaxLength(plan, key));
        try
        {
            var writer = new WireWriter(rented);
            WriteHeader(ref writer, plan, transactionId);
            writer.Name(plan.Zone, compress: true);
            writer.U16(TypeSoa);
            writer.U16(ClassIn);
            foreach (var prerequisite in plan.Prerequisites)
            {
                EnsureInZone(plan.Zone, prerequisite.Name, prerequisite);
                WritePrerequisite(ref writer, prerequisite);
            }

            foreach (var update in plan.Updates)
            {
                EnsureInZone(plan.Zone, update.Name, update);
                WriteUpdate(ref writer, update);
            }

            var mac = key is null ? [] : TsigSigner.AppendTsig(ref writer, transactionId, key, timeSigned);
            if (writer.Position > ushort.MaxValue)
            {
                throw new ArgumentException($"the UPDATE for zone {plan.Zone} needs {writer.Position} octets, more than a DNS message can hold", nameof(plan));
            }

            return new EncodedUpdate(transactionId, writer.Written.ToArray(), key, mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void WriteHeader(ref WireWriter writer, UpdateMessagePlan plan, ushort transactionId)
    {
        writer.U16(transactionId);
        writer.U8(OpcodeUpdate << 3);
        writer.U8(0);
        writer.U16(1);
        writer.U16(checked((ushort)plan.Prerequisites.Count));
        writer.U16(checked((ushort)plan.Updates.Count));
        writer.U16(0);
    }

    private static void WritePrerequisite(ref WireWriter writer, Prerequisite prerequisite)
    {
        switch (prerequisite)
        {
            case NameIsNotInUse p:
                WriteEmpty(ref writer, p.Name, TypeAny, ClassNone);
                break;
            case NameIsInUse p:
                WriteEmpty(ref writer, p.Name, TypeAny, ClassAny);
                break;
            case RRsetExists p:
                WriteEmpty(ref writer, p.Name, (ushort)p.Type, ClassAny);
                break;
            case RRsetDoesNotExist p:
                WriteEmpty(ref writer, p.Name, (ushort)p.Type, ClassNone);
                break;
            case RRsetExistsWithValue p:
                WriteRecord(ref writer, p.Name, ClassIn, 0, p.Data);
                break;
            default:
                throw new NotSupportedException($"prerequisite {prerequisite.GetType().Name} has no wire encoding");
        }
    }

    private static void WriteUpdate(ref WireWriter writer, UpdateOperation update)
    {
        switch (update)
        {
            case AddRecord u:
                WriteRecord(ref writer, u.Record.Name, ClassIn, u.Record.Ttl, u.Record.Data);
                break;
            case DeleteRRset u:
                WriteEmpty(ref writer, u.Name, (ushort)u.Type, ClassAny);
                break;
            case DeleteAllAtName u:
                WriteEmpty(ref writer, u.Name, TypeAny, ClassAny);
                break;
            case DeleteRecord u:
                WriteRecord(ref writer, u.Name, ClassNone, 0, u.Data);
                break;
            default:
                throw new NotSupportedException($"update {update.GetType().Name} has no wire encoding");
        }
    }

    /// <summary>An RR with TTL 0 and no RDATA: the "meta" form RFC 2136 uses for ANY/NONE classes.</summary>
    private static void WriteEmpty(ref WireWriter writer, DnsName name, ushort type, ushort @class)
    {
        writer.Name(name, compress: true);
        writer.U16(type);
        writer.U16(@class);
        writer.U32(0);
        writer.U16(0);
    }

    private static void WriteRecord(ref WireWriter writer, DnsName name, ushort @class, uint ttl, RecordData data)
    {
        writer.Name(name, compress: true);
        writer.U16((ushort)data.Type);
        writer.U16(@class);
        writer.U32(ttl);
        var lengthAt = writer.Position;
        writer.U16(0);
        switch (data)
        {
            case AddressData a:
                if (!a.Address.TryWriteBytes(writer.Remaining, out var count))
                {
                    throw new ArgumentException($"address {a.Address} cannot be written", nameof(data));
                }

                writer.Position += count;
                break;
            case PtrData p:
                // RDATA names stay uncompressed: simpler for every receiver, and only PTR has one.
                writer.Name(p.Target, compress: false);
                break;
            case DhcidData d:
                writer.Bytes(d.Value.Bytes);
                break;
            default:
                throw new NotSupportedException($"record data {data.GetType().Name} has no wire encoding");
        }

        writer.PatchU16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
    }

    private static void EnsureInZone(DnsName zone, DnsName name, object entry)
    {
        if (!name.IsAtOrBelow(zone))
        {
            throw new ArgumentException($"{entry} names {name}, which is outside zone {zone} (the server would answer NOTZONE)");
        }
    }

    private static int MaxLength(UpdateMessagePlan plan, TsigKey? key)
    {
        const int fixedRr = 10;
        var length = 12 + WireNames.MaxLength(plan.Zone) + 4;
        foreach (var p in plan.Prerequisites)
        {
            length += WireNames.MaxLength(p.Name) + fixedRr + (p is RRsetExistsWithValue v ? MaxLength(v.Data) : 0);
        }

        foreach (var u in plan.Updates)
        {
            length += WireNames.MaxLength(u.Name) + fixedRr + u switch
            {
                AddRecord a => MaxLength(a.Record.Data),
                DeleteRecord d => MaxLength(d.Data),
                _ => 0,
            };
        }

        return length + (key is null ? 0 : TsigSigner.MaxLength(key));
    }

    private static int MaxLength(RecordData data) => data switch
    {
        AddressData a => a.Address.AddressFamily == AddressFamily.InterNetworkV6 ? 16 : 4,
        PtrData p => WireNames.MaxLength(p.Target),
        DhcidData d => d.Value.Bytes.Length,
        _ => 0,
    };
}
