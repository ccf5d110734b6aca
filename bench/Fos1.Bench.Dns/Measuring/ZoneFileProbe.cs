using System.Diagnostics;
using Fos1.Ddns;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>
/// Watches the published zone file (what CoreDNS's file plugin reloads): checks its size and mtime every
/// millisecond and reads it only when they change, so 100 waiting names cost one read per new version of the
/// file, not one each. A name is visible once an A line with its owner (relative to the origin) is in the file.
/// </summary>
public sealed class ZoneFileProbe : IPublishProbe
{
    private readonly string _path;
    private readonly DnsName _origin;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private string _text = "";

    public ZoneFileProbe(string path, DnsName origin)
    {
        _path = path;
        _origin = origin;
        _watching = Task.Run(WatchAsync);
    }

    public string Name => "zone file";

    public async Task<long?> WaitVisibleAsync(DnsName name, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var line = Line(name);
        TaskCompletionSource<long> seen;
        lock (_gate)
        {
            if (_text.Contains(line, StringComparison.Ordinal))
            {
                return Stopwatch.GetTimestamp();
            }

            seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[line] = seen;
        }

        try
        {
            return await seen.Task.WaitAsync(deadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiting.Remove(line);
            }

            return null;
        }
    }

    // ZoneFileWriter.Line: "<owner relative to origin> <ttl> IN A <address>", one record per line.
    private string Line(DnsName name)
    {
        var relative = name.ToString().TrimEnd('.');
        var suffix = "." + _origin.ToString().TrimEnd('.');
        relative = relative.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? relative[..^suffix.Length] : relative + ".";
        return $"\n{relative.ToLowerInvariant()} ";
    }

    private async Task WatchAsync()
    {
        (DateTime, long) version = default;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var file = new FileInfo(_path);
                if (file.Exists && (file.LastWriteTimeUtc, file.Length) != version)
                {
                    version = (file.LastWriteTimeUtc, file.Length);
                    var text = await File.ReadAllTextAsync(_path, _stop.Token);
                    var now = Stopwatch.GetTimestamp();
                    lock (_gate)
                    {
                        _text = text;
                        foreach (var line in _waiting.Keys.Where(line => text.Contains(line, StringComparison.Ordinal)).ToList())
                        {
                            _waiting.Remove(line, out var seen);
                            seen!.TrySetResult(now);
                        }
                    }
                }

                await Task.Delay(1, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (IOException)
            {
                // Replaced between stat and read: the next round sees the new file.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
