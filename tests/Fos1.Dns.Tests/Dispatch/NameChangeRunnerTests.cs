using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using static Fos1.Dns.Tests.Dispatch.DispatchFixtures;

namespace Fos1.Dns.Tests.Dispatch;

public sealed class NameChangeRunnerTests
{
    [Fact]
    public async Task A_timeout_and_a_SERVFAIL_resend_the_same_step_to_the_next_server_until_it_is_answered()
    {
        var sender = new ScriptedSender((plan, _, attempt) => (plan.Zone.Text, attempt) switch
        {
            ("home.arpa", 1) => new UpdateFailed(UpdateFailureKind.Timeout, "no answer"),
            ("home.arpa", 2) => new UpdateAnswered(ResponseCode.ServFail),
            _ => new UpdateAnswered(ResponseCode.NoError),
        });
        var runner = Runner(sender, out _);

        var result = await runner.RunAsync(Add("phone", "192.0.2.10", 1), CancellationToken.None);

        Assert.Equal(TransactionOutcome.Completed, result.Outcome);
        Assert.Equal(SideResult.Added, result.Forward);
        Assert.Equal(SideResult.Replaced, result.Reverse);
        var sent = sender.Sent.ToArray();
        Assert.Equal(4, sent.Length);
        Assert.All(sent[..3], s => Assert.IsType<NameIsNotInUse>(Assert.Single(s.Plan.Prerequisites)));
        Assert.Equal([Primary, Secondary, Primary, Primary], sent.Select(s => s.Target.Server));
        Assert.Equal("2.0.192.in-addr.arpa", sent[3].Plan.Zone.Text);
    }

    [Fact]
    public async Task A_bad_signature_is_final_and_not_resent()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateFailed(UpdateFailureKind.BadSig, "BADSIG"));
        var runner = Runner(sender, out _);

        var result = await runner.RunAsync(Add("phone", "192.0.2.10", 1), CancellationToken.None);

        Assert.Equal(TransactionOutcome.Failed, result.Outcome);
        Assert.Equal(ResponseCode.BadSig, result.LastResponseCode);
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task A_name_held_by_another_client_is_a_conflict_and_the_reverse_zone_is_not_touched()
    {
        var sender = new ScriptedSender((plan, _, _) => plan.Prerequisites switch
        {
            [NameIsNotInUse] => new UpdateAnswered(ResponseCode.YxDomain),
            [NameIsInUse, RRsetExistsWithValue] => new UpdateAnswered(ResponseCode.NxRrset),
            _ => new UpdateAnswered(ResponseCode.NoError),
        });
        var runner = Runner(sender, out _);

        var result = await runner.RunAsync(Add("phone", "192.0.2.10", 2), CancellationToken.None);

        Assert.Equal(TransactionOutcome.Conflict, result.Outcome);
        Assert.All(sender.Sent, s => Assert.Equal("home.arpa", s.Plan.Zone.Text));
        Assert.Equal(2, sender.Sent.Count);
    }

    [Fact]
    public async Task A_name_outside_every_forward_zone_still_gets_its_reverse_record()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError));
        var runner = Runner(sender, out _);
        var change = Add("phone", "192.0.2.10", 3) with { Fqdn = DnsName.Parse("phone.example.com") };

        var result = await runner.RunAsync(change, CancellationToken.None);

        Assert.Equal(SideResult.NoZone, result.Forward);
        Assert.Equal(SideResult.Replaced, result.Reverse);
        Assert.Equal("2.0.192.in-addr.arpa", Assert.Single(sender.Sent).Plan.Zone.Text);
    }

    [Fact]
    public async Task Cancellation_stops_an_endless_resend_loop()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateFailed(UpdateFailureKind.Timeout, "down"));
        var runner = Runner(sender, out _);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(Add("phone", "192.0.2.10", 1), cts.Token);

        await Poll.UntilAsync(() => sender.Sent.Count >= 5, TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
