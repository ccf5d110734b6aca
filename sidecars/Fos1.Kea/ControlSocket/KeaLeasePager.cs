using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Fos1.Kea.ControlSocket;

/// <summary>
/// Lists every lease of a Kea daemon with <c>lease4-get-page</c> / <c>lease6-get-page</c> (hook libdhcp_lease_cmds.so):
/// the first page starts "from": "start", each next one from the last address returned; result 3 (empty) ends it.
/// A malformed lease object is logged, counted and skipped; a broken reply ends the listing with
/// <see cref="KeaControlException"/>, because a partial listing must never be mistaken for the whole set.
/// </summary>
public sealed partial class KeaLeasePager
{
    public const int DefaultPageSize = 1000;

    private readonly IKeaControlChannel _channel;
    private readonly KeaControlMetrics _metrics;
    private readonly ILogger<KeaLeasePager> _logger;
    private readonly int _pageSize;

    public KeaLeasePager(IKeaControlChannel channel, KeaControlMetrics metrics, ILogger<KeaLeasePager> logger, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _channel = channel;
        _metrics = metrics;
        _logger = logger;
        _pageSize = pageSize;
    }

    /// <summary>Every lease Kea holds for <paramref name="family"/> (4 or 6), in Kea's address order, page by page.</summary>
    public async IAsyncEnumerable<KeaLease> ReadAllAsync(int family, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (family is not (4 or 6))
        {
            throw new ArgumentOutOfRangeException(nameof(family), family, "family is 4 or 6");
        }

        var command = string.Create(CultureInfo.InvariantCulture, $"lease{family}-get-page");
        var from = "start";
        while (true)
        {
            using var page = await FetchAsync(command, from, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            var leases = Leases(page);
            var count = 0;
            string? last = null;
            foreach (var item in leases.EnumerateArray())
            {
                count++;
                last = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("ip-address", out var address) && address.ValueKind == JsonValueKind.String
                    ? address.GetString()
                    : null;
                if (KeaLeaseJson.TryParse(item, family, out var lease, out var error))
                {
                    yield return lease;
                    continue;
                }

                _metrics.LeaseRejected(family);
                LogLeaseRejected(command, _channel.Endpoint, error);
            }

            _metrics.LeasesRead(family, count);
            if (last is null)
            {
                throw Fail(KeaControlFailure.MalformedReply, $"the last lease of a '{command}' page from {_channel.Endpoint} has no ip-address to continue from");
            }

            if (count < _pageSize)
            {
                yield break;
            }

            if (last == from)
            {
                throw Fail(KeaControlFailure.MalformedReply, $"'{command}' from {_channel.Endpoint} returned a page ending at {from} again; paging would not advance");
            }

            from = last;
        }
    }

    /// <summary>The leases clients hold now (state default, lifetime above zero).</summary>
    public async Task<IReadOnlyList<KeaLease>> ReadActiveAsync(int family, CancellationToken cancellationToken = default)
    {
        var active = new List<KeaLease>();
        await foreach (var lease in ReadAllAsync(family, cancellationToken).ConfigureAwait(false))
        {
            if (lease.IsActive)
            {
                active.Add(lease);
            }
        }

        return active;
    }

    /// <returns>The page (see <see cref="Leases"/>), or null when Kea has no more leases.</returns>
    private async Task<JsonDocument?> FetchAsync(string command, string from, CancellationToken cancellationToken)
    {
        KeaCommandResponse response;
        try
        {
            response = await _channel.SendAsync(
                new KeaCommand(command, new JsonObject { ["from"] = from, ["limit"] = _pageSize }), cancellationToken).ConfigureAwait(false);
        }
        catch (KeaControlException e)
        {
            _metrics.Failed(e.Failure);
            LogCommandFailed(command, _channel.Endpoint, e.Failure, e.Message);
            throw;
        }

        switch (response.Result)
        {
            case KeaCommandResponse.Empty:
                return null;
            case KeaCommandResponse.Success:
                // The reply's own bytes when the channel kept them (a page of 1,000 leases is ~300 KB): read as
                // elements, never turned into a node tree.
                var page = response.Utf8Json.IsEmpty
                    ? JsonDocument.Parse(new JsonObject { ["arguments"] = response.Arguments?.DeepClone() }.ToJsonString())
                    : JsonDocument.Parse(response.Utf8Json);
                if (Leases(page) is not { ValueKind: JsonValueKind.Array } leases)
                {
                    page.Dispose();
                    throw Fail(KeaControlFailure.MalformedReply, $"'{command}' from {_channel.Endpoint} succeeded without a \"leases\" list");
                }

                if (leases.GetArrayLength() == 0)
                {
                    page.Dispose();
                    return null;
                }

                return page;
            default:
                throw Fail(
                    KeaControlFailure.CommandFailed,
                    $"'{command}' from {_channel.Endpoint} failed with result {response.Result}: {response.Text} (is libdhcp_lease_cmds.so loaded?)");
        }
    }

    /// <summary>arguments.leases of a reply (a daemon's object, or the Control Agent's one-element list); default when absent.</summary>
    private static JsonElement Leases(JsonDocument page)
    {
        var reply = page.RootElement.ValueKind == JsonValueKind.Array ? page.RootElement[0] : page.RootElement;
        return reply.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object
            && arguments.TryGetProperty("leases", out var leases)
            ? leases
            : default;
    }

    private KeaControlException Fail(KeaControlFailure failure, string message)
    {
        _metrics.Failed(failure);
        LogCommandFailed("lease paging", _channel.Endpoint, failure, message);
        return new KeaControlException(failure, message);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped a malformed lease in the {Command} reply from {Endpoint}: {Problem}")]
    private partial void LogLeaseRejected(string command, string endpoint, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Command} via {Endpoint} failed ({Failure}): {Problem}")]
    private partial void LogCommandFailed(string command, string endpoint, KeaControlFailure failure, string problem);
}
