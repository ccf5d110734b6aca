using System.Text.Json.Nodes;
using Fos1.Kea.ControlSocket;
using Microsoft.Extensions.Logging;

namespace Fos1.Kea.Configuration.Applying;

/// <summary>
/// Hands a rendered configuration to one Kea daemon: <c>config-test</c>, and only if Kea passes it
/// <c>config-set</c> then <c>config-write</c> (no file name: Kea writes the file it was started with). A refused
/// configuration changes nothing. Kea 2.2 has no <c>config-hash-get</c>, so to skip a repeat apply the applier
/// keeps a hash of <c>config-get</c>'s answer right after its own <c>config-set</c>, and re-applies when the
/// running configuration no longer hashes alike (someone else changed it, or Kea restarted from another file).
/// One apply at a time per instance; use one instance per daemon.
/// </summary>
public sealed partial class KeaConfigApplier : IDisposable
{
    private readonly IKeaControlChannel _channel;
    private readonly KeaConfigMetrics _metrics;
    private readonly ILogger<KeaConfigApplier> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _lastAppliedHash;
    private string? _runningFingerprint;

    public KeaConfigApplier(IKeaControlChannel channel, KeaConfigMetrics metrics, ILogger<KeaConfigApplier> logger)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _channel = channel;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The hash of the last configuration this applier saw Kea accept and write.</summary>
    public string? LastAppliedHash => Volatile.Read(ref _lastAppliedHash);

    /// <param name="config">The whole <c>{"Dhcp4": {...}}</c> or <c>{"Dhcp6": {...}}</c> object.</param>
    public async Task<ApplyResult> ApplyAsync(JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var family = config.ContainsKey("Dhcp6") ? 6 : 4;
        var hash = KeaConfigHash.Compute(config);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ApplyLockedAsync(config, family, hash, cancellationToken).ConfigureAwait(false);
        }
        catch (KeaControlException e)
        {
            _metrics.Applied(family, "unreachable");
            LogUnreachable(_channel.Endpoint, e.Failure, e.Message);
            return new ApplyResult.Unreachable(hash, e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ApplyResult> ApplyLockedAsync(JsonObject config, int family, string hash, CancellationToken cancellationToken)
    {
        if (hash == _lastAppliedHash && _runningFingerprint is not null)
        {
            if (await RunningFingerprintAsync(cancellationToken).ConfigureAwait(false) == _runningFingerprint)
            {
                _metrics.Applied(family, "unchanged");
                LogUnchanged(_channel.Endpoint, hash);
                return new ApplyResult.Applied(hash, Unchanged: true, WrittenTo: null);
            }

            LogDrift(_channel.Endpoint, hash);
        }

        _lastAppliedHash = null;
        _runningFingerprint = null;
        foreach (var command in new[] { "config-test", "config-set" })
        {
            var response = await _channel.SendAsync(new KeaCommand(command, config), cancellationToken).ConfigureAwait(false);
            if (response.Result != KeaCommandResponse.Success)
            {
                var message = response.Text ?? $"result {response.Result} without a text";
                _metrics.Rejected(family, command);
                LogRejected(_channel.Endpoint, command, hash, message);
                return new ApplyResult.Rejected(hash, command, message);
            }
        }

        var fingerprint = await RunningFingerprintAsync(cancellationToken).ConfigureAwait(false);
        var write = await _channel.SendAsync(new KeaCommand("config-write"), cancellationToken).ConfigureAwait(false);
        if (write.Result != KeaCommandResponse.Success)
        {
            var message = write.Text ?? $"result {write.Result} without a text";
            _metrics.Applied(family, "write_failed");
            LogWriteFailed(_channel.Endpoint, hash, message);
            return new ApplyResult.Applied(hash, Unchanged: false, WrittenTo: null, WriteFailure: message);
        }

        var writtenTo = write.Arguments?["filename"] is JsonValue value && value.TryGetValue<string>(out var file) ? file : null;
        _lastAppliedHash = hash;
        _runningFingerprint = fingerprint;
        _metrics.Applied(family, "applied");
        LogApplied(_channel.Endpoint, hash, writtenTo ?? "(unknown file)");
        return new ApplyResult.Applied(hash, Unchanged: false, writtenTo);
    }

    private async Task<string?> RunningFingerprintAsync(CancellationToken cancellationToken)
    {
        var response = await _channel.SendAsync(new KeaCommand("config-get"), cancellationToken).ConfigureAwait(false);
        return response.Result == KeaCommandResponse.Success && response.Arguments is { } running ? KeaConfigHash.Compute(running) : null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Kea at {Endpoint} runs configuration {ConfigHash}, written to {File}")]
    private partial void LogApplied(string endpoint, string configHash, string file);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Kea at {Endpoint} already runs configuration {ConfigHash}")]
    private partial void LogUnchanged(string endpoint, string configHash);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Kea at {Endpoint} refused configuration {ConfigHash} in {Command}; the previous one keeps running: {KeaMessage}")]
    private partial void LogRejected(string endpoint, string command, string configHash, string keaMessage);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Kea at {Endpoint} could not be reached to apply its configuration ({Failure}): {Problem}")]
    private partial void LogUnreachable(string endpoint, KeaControlFailure failure, string problem);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Kea at {Endpoint} runs configuration {ConfigHash} but config-write failed, a restart would lose it: {KeaMessage}")]
    private partial void LogWriteFailed(string endpoint, string configHash, string keaMessage);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Kea at {Endpoint} no longer runs configuration {ConfigHash} as applied; applying it again")]
    private partial void LogDrift(string endpoint, string configHash);
}
