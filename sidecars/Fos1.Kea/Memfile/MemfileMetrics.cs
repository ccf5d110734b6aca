using System.Diagnostics.Metrics;

namespace Fos1.Kea.Memfile;

/// <summary>Counters of the memfile tail; exported as fos1_kea_memfile_*.</summary>
public sealed class MemfileMetrics
{
    public const string MeterName = "Fos1.Kea.Memfile";

    private readonly Counter<long> _rows;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _rotations;
    private readonly Counter<long> _recovered;

    public MemfileMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _rows = meter.CreateCounter<long>("fos1.kea.memfile.rows", "{row}", "Lease rows read");
        _rejected = meter.CreateCounter<long>("fos1.kea.memfile.rows_rejected", "{row}", "Rows skipped as malformed");
        _rotations = meter.CreateCounter<long>("fos1.kea.memfile.rotations", "{rotation}", "Lease file cleanups (LFC) followed");
        _recovered = meter.CreateCounter<long>("fos1.kea.memfile.rows_recovered", "{row}", "Lease changes recovered from rotated files after two cleanups fell between two reads");
    }

    public void RowRead() => _rows.Add(1);

    public void RowRejected() => _rejected.Add(1);

    public void Rotated() => _rotations.Add(1);

    public void RowsRecovered(int count) => _recovered.Add(count);
}
