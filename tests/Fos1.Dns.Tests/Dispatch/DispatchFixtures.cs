using Fos1.Testbed.Metrics;
using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Tests.Dispatch;

internal static class DispatchFixtures
{
    public static readonly IPEndPoint Primary = new(IPAddress.Loopback, 5301);
    public static readonly IPEndPoint Secondary = new(IPAddress.Loopback, 5302);

    // Delays are real but tiny: the runner's backoff is what is under test, not the clock.
    public static readonly RetryPolicy FastRetry = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4));

    public static DdnsRouting Routing() => new(
        [new DdnsDomain(DnsName.Parse("home.arpa"), [new DnsUpdateTarget(Primary, null), new DnsUpdateTarget(Secondary, null)])],
        [new DdnsDomain(DnsName.Parse("2.0.192.in-addr.arpa"), [new DnsUpdateTarget(Primary, null)])]);

    public static NameChange Add(string host, string address, byte client) => new(
        NameChangeKind.Add, true, true, DnsName.Parse(host + ".home.arpa"), IPAddress.Parse(address),
        new Dhcid([0, 1, 1, client, client, client]), 600, true, null);

    public static NameChange Remove(NameChange add) => add with { Kind = NameChangeKind.Remove };

    public static NameChangeRunner Runner(IDnsUpdateSender sender, out DdnsMetrics metrics)
    {
        metrics = new DdnsMetrics(new TestMeterFactory());
        return new NameChangeRunner(sender, Routing(), FastRetry, metrics, TimeProvider.System, NullLogger<NameChangeRunner>.Instance);
    }
}
