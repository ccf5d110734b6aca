using Fos1.Kubernetes.Configuration;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kubernetes.Leadership;

/// <summary>
/// Runs work only while this replica holds a coordination.k8s.io Lease (KubernetesClient's LeaderElector with a
/// LeaseLock), cancels it when leadership is lost and starts it again if leadership comes back. A new term's
/// work starts only after the previous term's work has ended, so it never overlaps itself.
/// </summary>
public sealed class LeaderElection
{
    private readonly IKubernetes _client;
    private readonly KubernetesOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile bool _isLeader;
    private volatile string? _leader;

    public LeaderElection(IKubernetes client, KubernetesOptions options, string? identity = null, ILogger<LeaderElection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
        _logger = logger ?? NullLogger<LeaderElection>.Instance;
        Identity = identity is { Length: > 0 } ? identity
            : Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod
            : Environment.MachineName;
    }

    /// <summary>Who this replica is in the Lease's holderIdentity (pod name, else host name).</summary>
    public string Identity { get; }

    public bool IsLeader => _isLeader;

    /// <summary>The holder this replica last observed, if any.</summary>
    public string? Leader => _leader;

    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        var leaseNamespace = _options.EffectiveLeaseNamespace();
        var config = new LeaderElectionConfig(new LeaseLock(_client, leaseNamespace, _options.LeaseName, Identity))
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        };

        using var elector = new LeaderElector(config);
        CancellationTokenSource? term = null;
        var work = Task.CompletedTask;
        elector.OnStartedLeading += () =>
        {
            lock (_gate)
            {
                term?.Dispose();
                term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                _isLeader = true;
                work = LeadAsync(work, whileLeading, term.Token);
            }

            LeadershipLog.Started(_logger, Identity, leaseNamespace, _options.LeaseName);
        };
        elector.OnStoppedLeading += () =>
        {
            lock (_gate)
            {
                _isLeader = false;
                term?.Cancel();
            }

            LeadershipLog.Stopped(_logger, Identity, leaseNamespace, _options.LeaseName);
        };
        elector.OnNewLeader += leader =>
        {
            _leader = leader;
            LeadershipLog.NewLeader(_logger, leader ?? "", leaseNamespace, _options.LeaseName);
        };
        elector.OnError += e => LeadershipLog.Error(_logger, e, leaseNamespace, _options.LeaseName);

        try
        {
            await HoldAsync(elector, leaseNamespace, () =>
            {
                lock (_gate)
                {
                    _isLeader = false;
                    term?.Cancel();
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Task last;
            lock (_gate)
            {
                _isLeader = false;
                term?.Cancel();
                last = work;
            }

            await last.ConfigureAwait(false);
            term?.Dispose();
        }
    }

    /// <summary>
    /// KubernetesClient's elector catches only HTTP error answers: a refused connection or a timeout escapes it. An
    /// unreachable API server must not stop the host (a DNS primary must keep serving), so such a failure ends the
    /// term, if any, and the election starts again after the retry period.
    /// </summary>
    private async Task HoldAsync(LeaderElector elector, string leaseNamespace, Action endTerm, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await elector.RunAndTryToHoldLeadershipForeverAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LeadershipLog.Error(_logger, e, leaseNamespace, _options.LeaseName);
                endTerm();

                await Task.Delay(_options.RetryPeriod, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task LeadAsync(Task previous, Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await Task.Run(() => whileLeading(cancellationToken), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LeadershipLog.WorkFailed(_logger, e, Identity);
        }
    }
}
