using Fos1.Testbed.Metrics;
using System.Diagnostics.Metrics;
using Fos1.Ddns.Leases;
using Fos1.Kea.Hooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Tests.Hooks;

/// <summary>A temporary spool directory with a watcher over it, a recording sink and the counters it reported.</summary>
internal sealed class SpoolDirectory : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();

    public SpoolDirectory(LeaseEventSink? sink = null)
    {
        Path = Directory.CreateTempSubdirectory("fos1-spool-").FullName;
        Options = new HookSpoolOptions { Directory = Path, RescanInterval = TimeSpan.FromMinutes(5) };
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HookSpoolMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (Counters)
            {
                var label = tags.Length > 0 ? $"{instrument.Name}:{tags[0].Value}" : instrument.Name;
                Counters[label] = Counters.GetValueOrDefault(label) + value;
            }
        });
        _listener.Start();
        Watcher = new HookSpoolWatcher(Options, sink ?? RecordAsync, new HookSpoolMetrics(_meters), NullLogger<HookSpoolWatcher>.Instance);
    }

    public string Path { get; }

    public HookSpoolOptions Options { get; }

    public HookSpoolWatcher Watcher { get; }

    public List<LeaseEvent> Received { get; } = [];

    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Files => Directory.EnumerateFiles(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!;

    public IEnumerable<string> Rejected => Directory.EnumerateFiles(Options.RejectedDirectory).Select(System.IO.Path.GetFileName)!;

    /// <summary>Writes a file the way the hook script does: under tmp/, then renamed in.</summary>
    public void Drop(string name, byte[] content)
    {
        Directory.CreateDirectory(Options.TemporaryDirectory);
        var temporary = System.IO.Path.Combine(Options.TemporaryDirectory, name);
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, System.IO.Path.Combine(Path, name));
    }

    public long Counter(string name) { lock (Counters) { return Counters.GetValueOrDefault(name); } }

    public void Dispose()
    {
        Watcher.Dispose();
        _listener.Dispose();
        _meters.Dispose();
        Directory.Delete(Path, recursive: true);
    }

    private ValueTask RecordAsync(IReadOnlyList<LeaseEvent> events, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.AddRange(events);
        }

        return ValueTask.CompletedTask;
    }
}
