using Fos1.Kubernetes.Leadership;
using Microsoft.Extensions.Hosting;

namespace Fos1.Kubernetes.Hosting;

/// <summary>Runs the Lease election for the process and reflects it in <see cref="StatusLeadership"/>.</summary>
internal sealed class LeadershipService(LeaderElection election, StatusLeadership leadership) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        election.RunAsync(
            async term =>
            {
                leadership.Lead();
                try
                {
                    await Task.Delay(Timeout.Infinite, term).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                finally
                {
                    leadership.Follow();
                }
            },
            stoppingToken);
}
