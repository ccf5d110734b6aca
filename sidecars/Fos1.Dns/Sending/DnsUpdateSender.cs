// Concurrency design: one shared UDP socket per address family plus an id demultiplexer
// (UdpTransactions) rather than one socket per in-flight request. At >10,000 UPDATEs/s a socket per
// request costs a socket()+bind()+close() and an ephemeral port each, and a burst can exhaust file
// descriptors; the shared socket costs one dictionary entry, and a single receive loop keeps up
// easily. Source-port randomisation is traded away, which is fine because UPDATEs go to a known
// primary and are TSIG-signed (a forged answer fails verification and becomes TsigNotVerified).
// TCP carries merged UPDATEs (over 512 octets) and truncated answers; its connections are kept and
// reused per server (TcpConnections).
// In-flight UPDATEs are capped per server (default 100 = BIND 9.18's update-quota): BIND drops what
// exceeds its quota, and a burst of a few hundred datagrams overflows named's default socket
// buffer (seen here as RcvbufErrors), turning a burst into timeouts instead of answers.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Sending;

/// <summary>Sends RFC 2136 UPDATEs over UDP (TCP when needed), many in flight at once.</summary>
public sealed class DnsUpdateSender : IDnsUpdateSender, IDisposable
{
    /// <summary>RFC 1035 4.2.1: larger messages go over TCP (we send no EDNS).</summary>
    public const int MaxUdpMessageOctets = 512;

    /// <summary>BIND 9.18's default <c>update-quota</c>.</summary>
    public const int DefaultMaxInFlightPerServer = 100;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _maxInFlightPerServer;
    private readonly ConcurrentDictionary<IPEndPoint, SemaphoreSlim> _windows = new();
    private readonly Lazy<UdpTransactions> _udp4;
    private readonly Lazy<UdpTransactions> _udp6;
    private readonly TcpConnections _tcp;
    private bool _disposed;

    /// <param name="maxInFlightPerServer">UPDATEs beyond this many per server wait (only for cancellation, not for the timeout).</param>
    public DnsUpdateSender(ILogger<DnsUpdateSender> logger, TimeProvider? timeProvider = null, int maxInFlightPerServer = DefaultMaxInFlightPerServer)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlightPerServer, 1);
        _logger = logger;
        _maxInFlightPerServer = maxInFlightPerServer;
        _time = timeProvider ?? TimeProvider.System;
        _udp4 = new(() => new UdpTransactions(AddressFamily.InterNetwork, _logger));
        _udp6 = new(() => new UdpTransactions(AddressFamily.InterNetworkV6, _logger));
        _tcp = new TcpConnections(_time);
    }

    public async Task<UpdateOutcome> SendAsync(
        UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var window = _windows.GetOrAdd(target.Server, _ => new SemaphoreSlim(_maxInFlightPerServer, _maxInFlightPerServer));
        await window.WaitAsync(cancellationToken);
        try
        {
            return await SendInWindowAsync(plan, target, timeout, cancellationToken);
        }
        finally
        {
            window.Release();
        }
    }

    private async Task<UpdateOutcome> SendInWindowAsync(
        UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var udp = target.Server.AddressFamily == AddressFamily.InterNetworkV6 ? _udp6.Value : _udp4.Value;

        // The id stays claimed until the end, also over TCP, so no concurrent UDP exchange reuses it.
        using var pending = udp.Begin(target.Server);
        var request = UpdateMessageEncoder.Encode(plan, pending.Id, target.Key, _time.GetUtcNow());
        UpdateOutcome outcome;
        try
        {
            outcome = request.Message.Length <= MaxUdpMessageOctets
                ? await ExchangeOverUdpAsync(plan, target, request, udp, pending, timeout, started, cancellationToken)
                    ?? await ExchangeOverTcpAsync(plan, target, request, timeout, started, cancellationToken)
                : await ExchangeOverTcpAsync(plan, target, request, timeout, started, cancellationToken);
        }
        catch (SocketException exception)
        {
            outcome = new UpdateFailed(UpdateFailureKind.NetworkError, $"{exception.SocketErrorCode}: {exception.Message}");
        }

        if (outcome is UpdateAnswered answered)
        {
            _logger.UpdateAnswered(request.TransactionId, plan.Zone, answered.ResponseCode, target.Server);
        }
        else if (outcome is UpdateFailed failed)
        {
            _logger.UpdateFailed(request.TransactionId, plan.Zone, target.Server, failed.Kind, failed.Detail);
        }

        return outcome;
    }

    public void Dispose()
    {
        _disposed = true;
        if (_udp4.IsValueCreated)
        {
            _udp4.Value.Dispose();
        }

        if (_udp6.IsValueCreated)
        {
            _udp6.Value.Dispose();
        }

        _tcp.Dispose();
    }

    /// <returns>Null when the answer was truncated and must be fetched over TCP.</returns>
    private async Task<UpdateOutcome?> ExchangeOverUdpAsync(
        UpdateMessagePlan plan, DnsUpdateTarget target, EncodedUpdate request, UdpTransactions udp,
        UdpTransactions.PendingUpdate pending, TimeSpan timeout, long started, CancellationToken cancellationToken)
    {
        await udp.SendAsync(request.Message, target.Server, cancellationToken);
        _logger.UpdateSent(request.TransactionId, plan.Zone, target.Server, "UDP", request.Message.Length);
        byte[] response;
        try
        {
            response = await pending.Response.WaitAsync(Remaining(started, timeout), _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return TimedOut(target, timeout);
        }

        if (UpdateResponse.IsTruncated(response))
        {
            _logger.RetryingOverTcp(request.TransactionId, plan.Zone, target.Server);
            return null;
        }

        return UpdateResponse.Interpret(request, response, _time.GetUtcNow());
    }

    private async Task<UpdateOutcome> ExchangeOverTcpAsync(
        UpdateMessagePlan plan, DnsUpdateTarget target, EncodedUpdate request, TimeSpan timeout, long started,
        CancellationToken cancellationToken)
    {
        var remaining = Remaining(started, timeout);
        if (remaining <= TimeSpan.Zero)
        {
            return TimedOut(target, timeout);
        }

        using var deadline = new CancellationTokenSource(remaining, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            _logger.UpdateSent(request.TransactionId, plan.Zone, target.Server, "TCP", request.Message.Length);
            var response = await _tcp.ExchangeAsync(target.Server, request.Message, linked.Token);
            return UpdateResponse.Interpret(request, response, _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(target, timeout);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            return new UpdateFailed(UpdateFailureKind.NetworkError, $"TCP exchange with {target.Server} failed: {exception.Message}");
        }
    }

    private TimeSpan Remaining(long started, TimeSpan timeout)
    {
        var left = timeout - _time.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static UpdateFailed TimedOut(DnsUpdateTarget target, TimeSpan timeout) =>
        new(UpdateFailureKind.Timeout, $"no answer from {target.Server} within {timeout.TotalMilliseconds:0} ms");
}
