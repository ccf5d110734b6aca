using CsCheck;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>
/// Property tests over TSIG-signed UPDATEs: generated from random RFC 4703 plans, and byte-mutated. The
/// handler never fails internally (no SERVFAIL: that is its catch-all), and the zone changes only on NOERROR.
/// </summary>
public sealed class UpdateHandlerFuzzTests
{
    public const int Iterations = 5_000;

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static readonly Gen<NameChange> Change = Gen.Select(
        Gen.OneOf<string>("host", "ns1", "a", "x-1", "deep.sub"), Gen.Int[1, 254], Gen.Byte, Gen.Bool,
        (host, octet, client, remove) => Sample.Change(host + ".home.arpa", "192.0.2." + octet, client) with
        {
            Kind = remove ? NameChangeKind.Remove : NameChangeKind.Add,
        });

    private static readonly Gen<UpdateMessagePlan> Plan = Gen.Select(Change, Gen.Int[0, 6], (change, kind) => kind switch
    {
        0 => UpdatePlans.ForwardAdd(Sample.Origin, change),
        1 => UpdatePlans.ForwardReplace(Sample.Origin, change),
        2 => UpdatePlans.ReverseReplace(Sample.ReverseOrigin, change),
        3 => UpdatePlans.ForwardRemoveAddress(Sample.Origin, change),
        4 => UpdatePlans.ForwardRemoveName(Sample.Origin, change),
        5 => UpdatePlans.ReverseRemove(Sample.ReverseOrigin, change),
        _ => UpdatePlans.SimpleForwardReplace(Sample.Origin, change),
    });

    private static byte[] Signed(UpdateMessagePlan plan, ushort id) => UpdateMessageEncoder.Encode(plan, id, Sample.Key, Now).Message.ToArray();

    private static async Task<ResponseCode?> HandleAndCheck(UpdateHandler handler, Fos1.Dns.Server.Zones.InMemoryZoneStore store, byte[] request)
    {
        var home = store.Find(Sample.Origin)!;
        var reverse = store.Find(Sample.ReverseOrigin)!;
        var commits = store.CommitCount;

        var response = await handler.HandleAsync(request, "fuzz", CancellationToken.None);

        if (response is null)
        {
            Assert.True(request.Length < 12 || (request[2] & 0x80) != 0, "no answer to a request");
        }

        var code = response is null ? (ResponseCode?)null : Sample.Rcode(response);
        Assert.NotEqual(ResponseCode.ServFail, code);
        if (code != ResponseCode.NoError)
        {
            Assert.Same(home, store.Find(Sample.Origin));
            Assert.Same(reverse, store.Find(Sample.ReverseOrigin));
            Assert.Equal(commits, store.CommitCount);
        }

        return code;
    }

    [Fact]
    public async Task Generated_signed_plans_apply_only_on_noerror_and_never_fail_internally()
    {
        var store = Sample.Store();
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));
        var answered = new Dictionary<ResponseCode, int>();
        foreach (var (plan, i) in Plan.Array[Iterations].Single().Select((p, i) => (p, i)))
        {
            var code = (await HandleAndCheck(handler, store, Signed(plan, (ushort)i)))!.Value;
            answered[code] = answered.GetValueOrDefault(code) + 1;
        }

        Assert.True(answered.ContainsKey(ResponseCode.NoError) && answered.Count >= 3, string.Join(", ", answered));
    }

    [Fact]
    public async Task Mutated_signed_updates_are_answered_with_a_documented_rcode_and_change_nothing_unless_noerror()
    {
        var store = Sample.Store();
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));
        var mutations = Gen.Select(Plan, Gen.Int[0, int.MaxValue].Array[1, 6], Gen.Byte.Array[6], (plan, positions, values) =>
        {
            var bytes = Signed(plan, 7);
            for (var i = 0; i < positions.Length; i++)
            {
                var at = positions[i] % (bytes.Length + 1);
                bytes = (positions[i] % 3) switch
                {
                    0 when at < bytes.Length => [.. bytes[..at], values[i], .. bytes[(at + 1)..]],
                    1 => bytes[..at],
                    _ => [.. bytes[..at], values[i], .. bytes[at..]],
                };
            }

            return bytes;
        });

        foreach (var request in mutations.Array[Iterations].Single())
        {
            await HandleAndCheck(handler, store, request);
        }
    }

    [Fact]
    public async Task A_65535_octet_message_and_random_octets_are_answered_or_ignored_without_failing()
    {
        var store = Sample.Store();
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));
        var huge = Signed(Plan.Single(), 9).Concat(new byte[ushort.MaxValue]).Take(ushort.MaxValue).ToArray();

        await HandleAndCheck(handler, store, huge);
        foreach (var request in Gen.Byte.Array[0, 512].Array[Iterations].Single())
        {
            await HandleAndCheck(handler, store, request);
        }
    }
}
