using Fos1.Mdns.Applying;
using Fos1.Testbed.Metrics;

namespace Fos1.Mdns.Tests.Applying;

public sealed class AvahiMetricsTests : IDisposable
{
    private const string Reflecting = "[reflector]\nenable-reflector=yes\n";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fos1-mdns-metrics-");
    private readonly TestMeterFactory _meters = new();
    private readonly MeasurementLog _log;

    public AvahiMetricsTests() => _log = new MeasurementLog(_meters);

    private string ConfigPath => Path.Combine(_directory.FullName, "avahi-daemon.conf");

    [Fact]
    public async Task Each_apply_is_counted_by_its_result()
    {
        var file = new AvahiConfigFile(ConfigPath, new CountingRestart(ConfigPath), metrics: new AvahiMetrics(_meters));

        await file.ApplyAsync(Reflecting);
        await file.ApplyAsync(Reflecting);

        Assert.Equal(1, _log.Sum("fos1.avahi.applies", ("result", "Restarted")));
        Assert.Equal(1, _log.Sum("fos1.avahi.applies", ("result", "Unchanged")));
        Assert.Equal(2, _log.Of("fos1.avahi.applies").Count);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_counts_a_failed_apply()
    {
        var missing = Path.Combine(_directory.FullName, "no-such-directory", "avahi-daemon.conf");
        var file = new AvahiConfigFile(missing, new CountingRestart(missing), metrics: new AvahiMetrics(_meters));

        await Assert.ThrowsAnyAsync<IOException>(() => file.ApplyAsync(Reflecting));

        var failed = Assert.Single(_log.Of("fos1.avahi.applies"));
        Assert.Equal(new Dictionary<string, string> { ["result"] = "Failed" }, failed.Tags);
    }

    public void Dispose()
    {
        _log.Dispose();
        _meters.Dispose();
        _directory.Delete(recursive: true);
    }
}
