using System.Diagnostics.Metrics;
using Fos1.Outbox.Changes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Changes;

/// <summary>Outbox depth and the age of its oldest entry, as the gauges export them.</summary>
public sealed class OutboxAgeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Meter _meter = new("Fos1.Outbox.Tests." + Guid.NewGuid().ToString("N"));
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _gauges = [];

    public OutboxAgeTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _gauges[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _gauges[instrument.Name] = value);
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
        _dir.Dispose();
    }

    private UpdateOutbox Open() => UpdateOutbox.Open(_dir.Options, NullLogger<UpdateOutbox>.Instance, new OutboxMetrics(_meter), _time);

    private double Gauge(string name)
    {
        _listener.RecordObservableInstruments();
        return _gauges[name];
    }

    [Fact]
    public async Task The_oldest_pending_change_ages_with_the_clock_until_it_is_completed()
    {
        using var outbox = Open();
        Assert.Equal(0, Gauge("fos1.outbox.oldest.age"));

        var first = await outbox.AppendAsync(Add(1));
        _time.Advance(TimeSpan.FromSeconds(30));
        await outbox.AppendAsync(Add(2));
        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(45, Gauge("fos1.outbox.oldest.age"));
        Assert.Equal(2, Gauge("fos1.outbox.pending"));

        await outbox.CompleteAsync(first);

        Assert.Equal(15, Gauge("fos1.outbox.oldest.age"));
        Assert.Equal(1, Gauge("fos1.outbox.pending"));
    }

    [Fact]
    public async Task Handed_out_changes_carry_their_append_time_and_still_count_as_pending()
    {
        using var outbox = Open();
        var appendedAt = _time.GetUtcNow();
        await outbox.AppendAsync(Add(1));
        _time.Advance(TimeSpan.FromSeconds(5));

        var entry = Assert.Single(outbox.TakeBatch(10));

        Assert.Equal(appendedAt, entry.AppendedAt);
        Assert.Equal(5, Gauge("fos1.outbox.oldest.age"));
    }

    [Fact]
    public async Task After_a_restart_replayed_changes_age_from_the_reopening_since_the_journal_keeps_no_times()
    {
        using (var outbox = Open())
        {
            await outbox.AppendAsync(Add(1));
        }

        _time.Advance(TimeSpan.FromMinutes(10));
        using var reopened = Open();
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3, Gauge("fos1.outbox.oldest.age"));
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(3), Assert.Single(reopened.TakeBatch(10)).AppendedAt);
    }
}
