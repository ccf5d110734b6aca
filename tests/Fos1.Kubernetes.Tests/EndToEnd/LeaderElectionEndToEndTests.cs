using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Leadership;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Tests.Support;

namespace Fos1.Kubernetes.Tests.EndToEnd;

public sealed class LeaderElectionEndToEndTests
{
    private static readonly ResourceKind Lease = new("coordination.k8s.io", "v1", "leases", "Lease");

    private static readonly KubernetesOptions Options = new()
    {
        Enabled = true,
        LeaseName = "widgets",
        LeaseNamespace = "lab",
        LeaseDuration = TimeSpan.FromSeconds(1),
        RenewDeadline = TimeSpan.FromMilliseconds(800),
        RetryPeriod = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task Of_two_replicas_one_leads_and_the_other_takes_over_when_it_stops()
    {
        await using var api = await WidgetApi.StartAsync();
        await using var one = new Replica(new LeaderElection(api.Client, Options, "one"));
        await using var two = new Replica(new LeaderElection(api.Client, Options, "two"));

        await Eventually.HoldsAsync(() => one.Working || two.Working, "one replica works", TimeSpan.FromSeconds(20));
        var (leader, follower) = one.Working ? (one, two) : (two, one);
        Assert.True(leader.Election.IsLeader);
        Assert.False(follower.Election.IsLeader);
        Assert.False(follower.Working);
        Assert.Equal(leader.Election.Identity, HolderOfTheLease(api));

        await leader.StopAsync();
        Assert.False(leader.Working);
        await Eventually.HoldsAsync(() => follower.Working, "the follower takes over", TimeSpan.FromSeconds(20));

        Assert.True(follower.Election.IsLeader);
        Assert.Equal(follower.Election.Identity, HolderOfTheLease(api));
        await follower.StopAsync();
        Assert.False(follower.Working);
    }

    private static string? HolderOfTheLease(WidgetApi api) =>
        api.Server.Get(Lease, "lab", "widgets")?["spec"]?["holderIdentity"]?.GetValue<string>();

    /// <summary>A replica whose leader-only work just marks itself running until it is cancelled.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;
        private volatile bool _working;

        public Replica(LeaderElection election)
        {
            Election = election;
            _running = election.RunAsync(async cancellationToken =>
            {
                _working = true;
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    _working = false;
                }
            }, _stop.Token);
        }

        public LeaderElection Election { get; }

        public bool Working => _working;

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _running.WaitAsync(TimeSpan.FromSeconds(20));
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }
    }
}
