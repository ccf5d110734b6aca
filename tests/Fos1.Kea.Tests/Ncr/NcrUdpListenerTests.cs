using Fos1.Testbed.Metrics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Tests.Ncr;

public sealed class NcrUdpListenerTests
{

    [Fact]
    public async Task Malformed_datagrams_are_counted_and_the_next_good_one_still_arrives()
    {
        using var factory = new TestMeterFactory();
        var rejected = new List<string>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NcrMetrics.MeterName && instrument.Name == "fos1.ncr.rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (rejected)
            {
                rejected.Add((string)tags[0].Value!);
            }
        });
        meterListener.Start();

        var channel = Channel.CreateUnbounded<NameChange>();
        await using var listener = NcrUdpListener.Bind(new IPEndPoint(IPAddress.Loopback, 0), channel.Writer,
            new NcrMetrics(factory), NullLogger<NcrUdpListener>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = listener.RunAsync(cts.Token);

        using var client = new UdpClient(AddressFamily.InterNetwork);
        await client.SendAsync(new byte[] { 0, 50, (byte)'{' }, listener.LocalEndpoint);
        await client.SendAsync("\0\u0003{x}"u8.ToArray(), listener.LocalEndpoint);
        var good = NameChangeRequestCodec.Encode(new NameChange(NameChangeKind.Add, true, true,
            Fos1.Ddns.DnsName.Parse("a.home.arpa"), IPAddress.Parse("192.0.2.7"),
            new Fos1.Ddns.Dhcid(Convert.FromHexString("0000010102030405")), 600, true, DateTimeOffset.UnixEpoch));
        await client.SendAsync(good, listener.LocalEndpoint);

        var received = await channel.Reader.ReadAsync(cts.Token);

        Assert.Equal("a.home.arpa", received.Fqdn.Text);
        lock (rejected)
        {
            Assert.Equal(["Truncated", "BadJson"], rejected);
        }

        await cts.CancelAsync();
        await run;
    }
}
