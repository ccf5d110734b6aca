using System.Diagnostics.Metrics;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Wire;
using Fos1.Zones.Policy;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Server.Tests.Serving;

public sealed class UpdateHandlerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    // QUERY id 7, RD, home.arpa SOA IN.
    private static readonly byte[] SoaQuery =
    [
        0x00, 0x07, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x04, (byte)'h', (byte)'o', (byte)'m', (byte)'e', 0x04, (byte)'a', (byte)'r', (byte)'p', (byte)'a', 0x00, 0x00, 0x06, 0x00, 0x01,
    ];

    [Fact]
    public async Task An_soa_query_for_a_served_zone_is_answered_authoritatively()
    {
        var handler = Sample.Handler(Sample.Store());

        var response = (await handler.HandleAsync(SoaQuery, "test", CancellationToken.None))!;

        byte[] header = [0x00, 0x07, 0x85, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00];
        Assert.Equal(header, response[..12]);
        Assert.Equal(SoaQuery[12..], response[12..SoaQuery.Length]);
        var answer = Assert.Single(DnsRequestParser.Parse(response).Message!.Answers);
        Assert.Equal(Sample.Soa.ToRdata().Wire.ToArray(), answer.Rdata.ToArray());
    }

    [Fact]
    public async Task Other_opcodes_are_notimp_and_responses_get_no_answer()
    {
        var handler = Sample.Handler(Sample.Store());
        var notify = SoaQuery.ToArray();
        notify[2] = 0x20; // opcode 4 (NOTIFY)
        var response = SoaQuery.ToArray();
        response[2] = 0x80;

        Assert.Equal(ResponseCode.NotImp, Sample.Rcode(await handler.HandleAsync(notify, "test", CancellationToken.None)));
        Assert.Null(await handler.HandleAsync(response, "test", CancellationToken.None));
    }

    [Fact]
    public async Task A_malformed_update_is_formerr_with_the_request_id()
    {
        var handler = Sample.Handler(Sample.Store());
        byte[] loop = [0xAB, 0xCD, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x0C, 0x00, 0x06, 0x00, 0x01];

        var response = (await handler.HandleAsync(loop, "test", CancellationToken.None))!;

        Assert.Equal(new byte[] { 0xAB, 0xCD, 0xA8, 0x01, 0, 0, 0, 0, 0, 0, 0, 0 }, response);
    }

    [Fact]
    public async Task Answers_are_counted_by_key_zone_and_rcode()
    {
        // Other tests' handlers publish on a meter of the same name in parallel: listen to this handler's only.
        var counted = new List<(long, string)>();
        using var meters = new Fos1.Testbed.Metrics.TestMeterFactory();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Owns(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            counted.Add((value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();
        var handler = new UpdateHandler(Sample.Options(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)), Sample.Store(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new UpdateServerMetrics(meters), new FakeTimeProvider(Now));
        var plan = UpdatePlans.ForwardAdd(Sample.Origin, Sample.Change("host.home.arpa", "192.0.2.7"));

        await handler.HandleAsync(UpdateMessageEncoder.Encode(plan, 1, Sample.Key, Now).Message, "test", CancellationToken.None);
        await handler.HandleAsync(UpdateMessageEncoder.Encode(plan, 2).Message, "test", CancellationToken.None);

        Assert.Equal([(1L, "key=fos1-test-key,zone=home.arpa,rcode=NoError"), (1L, "key=-,zone=home.arpa,rcode=Refused")], counted);
    }

    /// <summary>
    /// Random octet mutations of a valid UPDATE: no exception, always an answer, and the zone changes only
    /// when the answer is NOERROR. Unsigned (anonymous allowed) so mutations reach the update processor.
    /// </summary>
    [Fact]
    public async Task Mutated_updates_never_throw_and_change_the_zone_only_on_noerror()
    {
        var anonymous = new UpdatePolicy([new UpdateGrant(null, Sample.Origin, new AnyNameInZone(), Enumerable.Range(0, 65536).Select(t => (ushort)t).ToHashSet())], AllowAnonymous: true);
        var store = Sample.Store();
        var handler = Sample.Handler(store, anonymous, new FakeTimeProvider(Now));
        var plan = UpdatePlans.ForwardAdd(Sample.Origin, Sample.Change("host.home.arpa", "192.0.2.7"));
        var valid = UpdateMessageEncoder.Encode(plan, 0x0101).Message.ToArray();
        var random = new Random(4703);
        var answered = new Dictionary<ResponseCode, int>();

        for (var i = 0; i < 4000; i++)
        {
            var mutated = Mutate(valid, random);
            var before = store.Find(Sample.Origin)!;

            var response = await handler.HandleAsync(mutated, "fuzz", CancellationToken.None);

            var after = store.Find(Sample.Origin)!;
            if (response is null)
            {
                Assert.True(mutated.Length < 12 || (mutated[2] & 0x80) != 0, $"no answer to mutation {i}");
                Assert.Same(before, after);
                continue;
            }

            var code = Sample.Rcode(response);
            answered[code] = answered.GetValueOrDefault(code) + 1;
            if (code != ResponseCode.NoError)
            {
                Assert.Same(before, after);
            }
        }

        Assert.True(answered.Count >= 3 && answered.ContainsKey(ResponseCode.NoError), string.Join(", ", answered));
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            switch (random.Next(4))
            {
                case 0 or 1:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 2 when bytes.Count > 1:
                    bytes.RemoveRange(random.Next(bytes.Count), 1);
                    break;
                default:
                    bytes.Insert(random.Next(bytes.Count), (byte)random.Next(256));
                    break;
            }
        }

        // Keep it an UPDATE query most of the time, so the fuzzing reaches past the header.
        if (bytes.Count > 3 && random.Next(4) > 0)
        {
            bytes[2] = 0x28;
        }

        return [.. bytes];
    }
}
