using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Tsig;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;
using Fos1.Testbed.Metrics;
using Fos1.Testbed.Network;
using Fos1.Zones.Policy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Server.Tests.Security;

/// <summary>
/// UPDATEs an attacker can send to a real <see cref="UpdateServer"/> over UDP and TCP: each is refused with
/// the RCODE (and TSIG error) RFC 2136 / RFC 8945 prescribe, counted by key, zone and RCODE, and changes nothing.
/// </summary>
public sealed class UpdateSecurityTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly NameChange Change = Sample.Change("host.home.arpa", "192.0.2.7");
    private static readonly UpdateMessagePlan ForwardAdd = UpdatePlans.ForwardAdd(Sample.Origin, Change);
    private static readonly UpdateMessagePlan ReverseReplace = UpdatePlans.ReverseReplace(Sample.ReverseOrigin, Change);

    private static readonly string OtherSecret = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public enum Transport
    {
        Udp,
        Tcp,
    }

    /// <summary>Only home.arpa, only A/AAAA (no DHCID): what a restricted key may do.</summary>
    private static readonly UpdatePolicy ForwardAddressesOnly = new([new UpdateGrant(Sample.KeyName, Sample.Origin, new AnyNameInZone(), new HashSet<ushort> { 1, 28 })]);

    public static TheoryData<string, Transport> Attacks()
    {
        var data = new TheoryData<string, Transport>();
        foreach (var attack in new[] { "unsigned", "unknown key", "wrong secret", "signed 301 s ago", "signed 301 s ahead", "zone not granted", "type not granted" })
        {
            data.Add(attack, Transport.Udp);
            data.Add(attack, Transport.Tcp);
        }

        return data;
    }

    private static (byte[] Message, ResponseCode Rcode, TsigError TsigError, string Counted) Attack(string attack) => attack switch
    {
        "unsigned" => (Encode(ForwardAdd, null, Now), ResponseCode.Refused, TsigError.None, "key=-,zone=home.arpa,rcode=Refused"),
        "unknown key" => (Encode(ForwardAdd, TsigKey.FromKea("intruder-key", "HMAC-SHA256", Sample.Secret), Now), ResponseCode.NotAuth, TsigError.BadKey, "key=intruder-key,zone=home.arpa,rcode=NotAuth"),
        "wrong secret" => (Encode(ForwardAdd, TsigKey.FromKea(Sample.KeyName.Text, "HMAC-SHA256", OtherSecret), Now), ResponseCode.NotAuth, TsigError.BadSig, "key=fos1-test-key,zone=home.arpa,rcode=NotAuth"),
        "signed 301 s ago" => (Encode(ForwardAdd, Sample.Key, Now.AddSeconds(-301)), ResponseCode.NotAuth, TsigError.BadTime, "key=fos1-test-key,zone=home.arpa,rcode=NotAuth"),
        "signed 301 s ahead" => (Encode(ForwardAdd, Sample.Key, Now.AddSeconds(301)), ResponseCode.NotAuth, TsigError.BadTime, "key=fos1-test-key,zone=home.arpa,rcode=NotAuth"),
        "zone not granted" => (Encode(ReverseReplace, Sample.Key, Now), ResponseCode.Refused, TsigError.None, "key=fos1-test-key,zone=2.0.192.in-addr.arpa,rcode=Refused"),
        "type not granted" => (Encode(ForwardAdd, Sample.Key, Now), ResponseCode.Refused, TsigError.None, "key=fos1-test-key,zone=home.arpa,rcode=Refused"),
        _ => throw new ArgumentException(attack, nameof(attack)),
    };

    private static byte[] Encode(UpdateMessagePlan plan, TsigKey? key, DateTimeOffset signedAt) =>
        UpdateMessageEncoder.Encode(plan, 0x4242, key, signedAt).Message.ToArray();

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_hostile_update_is_refused_counted_and_changes_nothing(string attack, Transport transport)
    {
        var (message, rcode, tsigError, counted) = Attack(attack);
        await using var server = SecuredServer.Start(ForwardAddressesOnly);
        var home = server.Store.Find(Sample.Origin)!;
        var reverse = server.Store.Find(Sample.ReverseOrigin)!;

        var response = await server.SendAsync(message, transport);

        Assert.Equal((rcode, tsigError), (Sample.Rcode(response), ResponseTsigError(response)));
        Assert.Equal([(1L, counted)], server.Counted);
        Assert.Same(home, server.Store.Find(Sample.Origin));
        Assert.Same(reverse, server.Store.Find(Sample.ReverseOrigin));
        Assert.Equal(0, server.Store.CommitCount);
    }

    [Theory]
    [InlineData(Transport.Udp)]
    [InlineData(Transport.Tcp)]
    public async Task A_replayed_add_within_the_fudge_is_applied_once_and_then_refused_by_its_prerequisite(Transport transport)
    {
        await using var server = SecuredServer.Start(Sample.Policy);
        var message = Encode(ForwardAdd, Sample.Key, Now);

        var first = await server.SendAsync(message, transport);
        var applied = server.Store.Find(Sample.Origin)!;
        var replay = await server.SendAsync(message, transport);

        Assert.Equal((ResponseCode.NoError, ResponseCode.YxDomain), (Sample.Rcode(first), Sample.Rcode(replay)));
        Assert.Same(applied, server.Store.Find(Sample.Origin));
        Assert.Equal(1, server.Store.CommitCount);
        Assert.Equal(["key=fos1-test-key,zone=home.arpa,rcode=NoError", "key=fos1-test-key,zone=home.arpa,rcode=YxDomain"], server.Counted.Select(c => c.Tags));
    }

    [Fact]
    public async Task The_restricted_key_still_writes_what_it_is_granted()
    {
        await using var server = SecuredServer.Start(ForwardAddressesOnly);
        var addressOnly = new UpdateMessagePlan(Sample.Origin, [], [new AddRecord(new Fos1.Ddns.Records.DnsRecord(Change.Fqdn, 300, new Fos1.Ddns.Records.AddressData(Change.Address)))]);

        var response = await server.SendAsync(Encode(addressOnly, Sample.Key, Now), Transport.Udp);

        Assert.Equal((ResponseCode.NoError, 1), (Sample.Rcode(response), server.Store.CommitCount));
    }

    private static TsigError ResponseTsigError(byte[] response) =>
        DnsRequestParser.Parse(response).Message?.Tsig is { } tsig ? (TsigError)tsig.Error : TsigError.None;

    /// <summary>A real server on loopback with a clock fixed at <see cref="Now"/> and its own metrics.</summary>
    private sealed class SecuredServer : IAsyncDisposable
    {
        private readonly UpdateServer _server;
        private readonly TestMeterFactory _meters;
        private readonly MeterListener _listener;
        private readonly List<(long, string)> _counted = [];

        private SecuredServer(UpdatePolicy policy)
        {
            Store = Sample.Store();
            _meters = new TestMeterFactory();
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (_meters.Owns(instrument.Meter))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                lock (_counted)
                {
                    _counted.Add((value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
                }
            });
            _listener.Start();
            var endPoint = new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp());
            _server = new UpdateServer(Sample.Options(endPoint, policy), Store, NullLogger<UpdateServer>.Instance, new FakeTimeProvider(Now), new UpdateServerMetrics(_meters));
            _server.Start();
        }

        public Fos1.Dns.Server.Zones.InMemoryZoneStore Store { get; }

        public IReadOnlyList<(long Value, string Tags)> Counted
        {
            get
            {
                lock (_counted)
                {
                    return [.. _counted];
                }
            }
        }

        public static SecuredServer Start(UpdatePolicy policy) => new(policy);

        public async Task<byte[]> SendAsync(byte[] message, Transport transport)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            if (transport == Transport.Udp)
            {
                using var udp = new UdpClient(AddressFamily.InterNetwork);
                await udp.SendAsync(message, _server.UdpEndPoint, timeout.Token);
                return (await udp.ReceiveAsync(timeout.Token)).Buffer;
            }

            using var tcp = new TcpClient();
            await tcp.ConnectAsync(_server.TcpEndPoint, timeout.Token);
            var stream = tcp.GetStream();
            var framed = new byte[message.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
            message.CopyTo(framed, 2);
            await stream.WriteAsync(framed, timeout.Token);
            var length = new byte[2];
            await stream.ReadExactlyAsync(length, timeout.Token);
            var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
            await stream.ReadExactlyAsync(response, timeout.Token);
            return response;
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            _listener.Dispose();
            _meters.Dispose();
        }
    }
}
