using Fos1.Testbed.Metrics;
using System.Net;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Sending.Batching;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Tests.Sending.Batching;

internal static class BatchingFixtures
{
    public static readonly DnsUpdateTarget Primary = new(new IPEndPoint(IPAddress.Loopback, 5301), null);
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>Bounds every await in these tests so a bug hangs nothing; never a speed assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static BatchingUpdateSender Batcher(
        IDnsUpdateSender inner, TimeProvider time, int maxPlans = 64, int maxDelayMs = 2, int maxOctets = 60_000, int maxMessagesInFlight = 2) =>
        new(inner, new BatchingOptions { MaxPlansPerMessage = maxPlans, MaxDelayMs = maxDelayMs, MaxMessageOctets = maxOctets, MaxMessagesInFlight = maxMessagesInFlight },
            new BatchingMetrics(new TestMeterFactory()), time);

    /// <summary>A clock that never moves unless the test moves it: no timer fires by itself.</summary>
    public static FakeTimeProvider StoppedClock() => new();

    public static UpdateMessagePlan Add(string host, byte client) =>
        Rfc4703Plans.ForwardAdd(Name(host), IPAddress.Parse($"192.0.2.{client}"), Client(client));

    public static UpdateMessagePlan RemoveAddress(string host, byte client) =>
        Rfc4703Plans.ForwardAddressRemove(Name(host), IPAddress.Parse($"192.0.2.{client}"), Client(client));

    public static DnsName Name(string host) => DnsName.Parse(host + ".home.arpa");

    public static Dhcid Client(byte client) => new([0, 1, 1, client, client, client]);

    public static UpdateAnswered Answer(ResponseCode code) => new(code);

    public static bool Claims(UpdateMessagePlan message, string host) =>
        message.Prerequisites.Contains(new NameIsNotInUse(Name(host)));
}
