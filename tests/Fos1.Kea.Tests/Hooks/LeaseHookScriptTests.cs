using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using Fos1.Kea.Hooks;

namespace Fos1.Kea.Tests.Hooks;

/// <summary>The shipped kea-config/hooks/fos1-lease-hook.sh, run the way Kea runs it: no PATH, many at once.</summary>
[SupportedOSPlatform("linux")]
public sealed class LeaseHookScriptTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fos1-hook-script-").FullName;

    public LeaseHookScriptTests()
    {
        var shipped = File.ReadAllText(ShippedScript());
        Assert.Contains("SPOOL_DIR=/var/lib/kea/fos1-spool\n", shipped, StringComparison.Ordinal);
        File.WriteAllText(Script, shipped.Replace("SPOOL_DIR=/var/lib/kea/fos1-spool\n", $"SPOOL_DIR={Spool}\n", StringComparison.Ordinal));
        File.SetUnixFileMode(Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Script => Path.Combine(_directory, "fos1-lease-hook.sh");

    private string Spool => Path.Combine(_directory, "spool");

    public static string ShippedScript([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "kea-config", "hooks", "fos1-lease-hook.sh"));

    [Fact]
    public async Task Forty_concurrent_runs_without_PATH_leave_forty_complete_files_and_nothing_in_tmp()
    {
        var fixture = HookFixtures.Entries(HookFixtures.Read("v4-lease4_release.event"));
        var runs = Enumerable.Range(0, 40).Select(i => RunAsync("lease4_release", fixture
            .Where(pair => pair.Key.StartsWith("LEASE4_", StringComparison.Ordinal) || pair.Key.StartsWith("QUERY4_", StringComparison.Ordinal))
            .Select(pair => pair.Key == "LEASE4_ADDRESS" ? KeyValuePair.Create(pair.Key, string.Create(CultureInfo.InvariantCulture, $"192.0.2.{i + 1}")) : pair)));

        var exitCodes = await Task.WhenAll(runs);

        Assert.All(exitCodes, code => Assert.Equal(0, code));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Spool, "tmp")));
        var files = Directory.EnumerateFiles(Spool).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(40, files.Count);
        Assert.All(files, file => Assert.Matches(@"/\d{19}-\d+\.event$", file));
        var addresses = files
            .Select(file => HookEventParser.Parse(File.ReadAllBytes(file), DateTimeOffset.UnixEpoch))
            .Select(result => Assert.Single(result.Events).Lease.Address.ToString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"192.0.2.{i}").Order(StringComparer.Ordinal), addresses);
    }

    [Fact]
    public async Task The_file_holds_the_hook_point_and_exactly_the_environment_Kea_gave_including_odd_bytes()
    {
        var code = await RunAsync("leases4_committed", [KeyValuePair.Create("LEASES4_SIZE", "0"), KeyValuePair.Create("DELETED_LEASES4_SIZE", "0"), KeyValuePair.Create("X", "a\nb=c")]);

        Assert.Equal(0, code);
        var entries = HookFixtures.Entries(File.ReadAllBytes(Assert.Single(Directory.EnumerateFiles(Spool))))
            .Where(pair => pair.Key != "PWD")
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);
        Assert.Equal(
            [
                KeyValuePair.Create("DELETED_LEASES4_SIZE", "0"),
                KeyValuePair.Create("FOS1_HOOK_POINT", "leases4_committed"),
                KeyValuePair.Create("FOS1_SPOOL_FORMAT", "1"),
                KeyValuePair.Create("LEASES4_SIZE", "0"),
                KeyValuePair.Create("X", "a\nb=c"),
            ],
            entries);
    }

    [Fact]
    public async Task Hook_points_that_are_not_about_leases_write_nothing()
    {
        var code = await RunAsync("pkt4_receive", []);

        Assert.Equal(0, code);
        Assert.False(Directory.Exists(Spool) && Directory.EnumerateFiles(Spool).Any());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<int> RunAsync(string hookPoint, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo(Script, [hookPoint]) { UseShellExecute = false, WorkingDirectory = _directory };
        // Kea's run_script passes its own variables and nothing else: no PATH, no HOME.
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
