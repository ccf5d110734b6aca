using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Leadership;
using Fos1.Testbed.Kubernetes;
using k8s;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class LeaderElectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Two_electors_on_one_lease_elect_exactly_one_and_the_other_takes_over_when_it_stops()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.CreateApi();
        await using var first = new Candidate(client, "first");
        await using var second = new Candidate(client, "second");

        await Eventually.TrueAsync(() => first.Leading || second.Leading, Patience, "one candidate leads");
        var (leader, follower) = first.Leading ? (first, second) : (second, first);
        Assert.False(follower.Leading);
        Assert.Equal(leader.Identity, HolderOfTheLease(server));

        await leader.StopAsync();
        await Eventually.TrueAsync(() => follower.Leading, Patience, $"{follower.Identity} takes over");

        Assert.False(leader.Leading);
        Assert.Equal(follower.Identity, HolderOfTheLease(server));
    }

    private static string? HolderOfTheLease(TestApiServer server) =>
        server.Get(new("coordination.k8s.io", "v1", "leases", "Lease"), "lab", "kea-sidecar")?["spec"]?["holderIdentity"]
            ?.GetValue<string>();

    private sealed class Candidate : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task running;
        private volatile bool leading;

        public Candidate(Fos1.Kubernetes.Clients.KubernetesApi client, string identity)
        {
            Identity = identity;
            var election = new LeaderElection(client, new KubernetesOptions
            {
                Enabled = true,
                LeaseNamespace = "lab",
                LeaseName = "kea-sidecar",
                LeaseDuration = TimeSpan.FromSeconds(2),
                RenewDeadline = TimeSpan.FromMilliseconds(1500),
                RetryPeriod = TimeSpan.FromMilliseconds(200),
            }, identity);
            running = election.RunAsync(
                async term =>
                {
                    leading = true;
                    try
                    {
                        await Task.Delay(Timeout.Infinite, term);
                    }
                    finally
                    {
                        leading = false;
                    }
                },
                stop.Token);
        }

        public string Identity { get; }

        public bool Leading => leading;

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await running.WaitAsync(Patience);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            stop.Dispose();
        }
    }
}
