using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Clients;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kubernetes.Leadership;

/// <summary>
/// Runs work only while this replica holds a coordination.k8s.io Lease (client-go's rules, <see cref="LeaseClaim"/>),
/// cancels it when leadership is lost and starts it again if leadership comes back. A new term's
/// work starts only after the previous term's work has ended, so it never overlaps itself.
/// </summary>
public sealed class LeaderElection
{
    private readonly KubernetesApi _client;
    private readonly KubernetesOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile bool _isLeader;
    private volatile string? _leader;

    public LeaderElection(KubernetesApi client, KubernetesOptions options, string? identity = null, ILogger<LeaderElection>? logger = null)
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
        var claim = new LeaseClaim(_client, leaseNamespace, _options.LeaseName, Identity, _options.LeaseDuration, TimeProvider.System);
        CancellationTokenSource? term = null;
        var work = Task.CompletedTask;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await AcquireAsync(claim, leaseNamespace, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    term?.Dispose();
                    term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    _isLeader = true;
                    work = LeadAsync(work, whileLeading, term.Token);
                }

                LeadershipLog.Started(_logger, Identity, leaseNamespace, _options.LeaseName);
                await RenewAsync(claim, leaseNamespace, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _isLeader = false;
                    term.Cancel();
                }

                LeadershipLog.Stopped(_logger, Identity, leaseNamespace, _options.LeaseName);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
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

    /// <summary>Tries every retry period (with up to 20% jitter, so replicas do not retry in lockstep) until this replica holds the Lease.</summary>
    private async Task AcquireAsync(LeaseClaim claim, string leaseNamespace, CancellationToken cancellationToken)
    {
        while (!await TryAsync(claim, leaseNamespace, cancellationToken).ConfigureAwait(false))
        {
#pragma warning disable CA5394 // Jitter, not security.
            var jitter = 1 + (Random.Shared.NextDouble() * 0.2);
#pragma warning restore CA5394
            await Task.Delay(_options.RetryPeriod * jitter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Renews every retry period; returns when a renewal has not succeeded within the renew deadline (leadership lost).</summary>
    private async Task RenewAsync(LeaseClaim claim, string leaseNamespace, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_options.RetryPeriod, cancellationToken).ConfigureAwait(false);
            var deadline = DateTimeOffset.UtcNow + _options.RenewDeadline;
            while (!await TryAsync(claim, leaseNamespace, cancellationToken).ConfigureAwait(false))
            {
                if (DateTimeOffset.UtcNow + _options.RetryPeriod >= deadline)
                {
                    return;
                }

                await Task.Delay(_options.RetryPeriod, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One attempt. An unreachable API server must not stop the host (a DNS primary must keep serving): any failure
    /// but cancellation counts as "not held" and is logged, and the loops above retry after the retry period.
    /// </summary>
    private async Task<bool> TryAsync(LeaseClaim claim, string leaseNamespace, CancellationToken cancellationToken)
    {
        bool held;
        try
        {
            held = await claim.TryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LeadershipLog.Error(_logger, e, leaseNamespace, _options.LeaseName);
            return false;
        }

        if (claim.ObservedHolder is { Length: > 0 } holder && holder != _leader)
        {
            _leader = holder;
            LeadershipLog.NewLeader(_logger, holder, leaseNamespace, _options.LeaseName);
        }

        return held;
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
