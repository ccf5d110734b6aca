using System.Globalization;

namespace Fos1.Bench.Ncr;

/// <summary>The command line of the bench; the defaults finish in a few minutes on 2 cores.</summary>
public sealed record BenchOptions
{
    public const int MaxChangesPerRun = 65536;

    /// <summary>Add-NCRs offered per (target, rate) run.</summary>
    public int Changes { get; init; } = 5000;

    /// <summary>Offered NCRs per second, one run per rate and target.</summary>
    public IReadOnlyList<int> Rates { get; init; } = [500, 1000, 2000, 5000, 10000];

    public IReadOnlyList<string> Targets { get; init; } = [BenchTargetNames.Sidecar, BenchTargetNames.KeaD2];

    /// <summary>How often every (rate, target) pair is run; rounds are interleaved, so the spread shows the noise.</summary>
    public int Repeat { get; init; } = 2;

    /// <summary>Names per run whose latency (NCR sent -> A answerable) is measured.</summary>
    public int LatencySamples { get; init; } = 200;

    /// <summary>Upper bound on the prober's queries per second, so probing does not steal BIND's time.</summary>
    public int ProbeQueriesPerSecond { get; init; } = 2000;

    /// <summary>Search each target's highest loss-free sustained rate instead of running the fixed rates.</summary>
    public bool Sustained { get; init; }

    /// <summary>Sending time of each sustained probe (N = rate x seconds, at most <see cref="MaxChangesPerRun"/>).</summary>
    public int SustainSeconds { get; init; } = 5;

    public int SustainStart { get; init; } = 500;

    public int SustainMax { get; init; } = 40_000;

    /// <summary>Probes per target (ladder up by x2, then bisection).</summary>
    public int SustainProbes { get; init; } = 8;

    /// <summary>How far the landed rate may fall short of the offered one (drain after the last NCR).</summary>
    public double SustainTolerance { get; init; } = 0.05;

    /// <summary>
    /// The run is over when no record landed for this long after the last NCR was sent. Longer than the sidecar's
    /// retry backoff ceiling (Fos1:RetryMaxDelayMs, 10 s): after a few timeouts in a row on a loaded machine a
    /// change can wait that long before its next resend, which is late, not lost.
    /// </summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Hard limit on waiting for records to land after the last NCR was sent.</summary>
    public TimeSpan DrainDeadline { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>dns-server-timeout of both D2 and the sidecar (same D2 config for both).</summary>
    public int DnsServerTimeoutMs { get; init; } = 1000;

    /// <summary>The sidecar's Fos1:MaxInFlight; null = the sidecar's own default (so an A/B against an older build compares defaults).</summary>
    public int? SidecarMaxInFlight { get; init; }

    /// <summary>fos1-kea-sidecar.dll; the repository's build output (Testbed KeaSidecarBinary.Locate) when not given.</summary>
    public string? SidecarDll { get; init; }

    public static string Usage => """
        Fos1.Bench.Ncr: offers add-NCRs at fixed rates to the kea sidecar and to kea-dhcp-ddns (D2), both in front
        of one real BIND, and prints landed records, losses and latency as a markdown table.

          --changes N            add-NCRs per run (default 5000, at most 65536)
          --rates R1,R2,...      offered NCRs per second (default 500,1000,2000,5000,10000)
          --targets T1,T2        sidecar, d2 (default both)
          --repeat K             rounds over all rates and targets (default 2)
          --samples N            latency samples per run (default 200)
          --probe-qps N          prober query budget per second (default 2000; each name at most every 1 ms)
          --quiet-seconds S      end of a run: nothing landed for S seconds (default 12, above the sidecar's 10 s backoff)
          --drain-seconds S      hard limit on draining after the last NCR (default 120)
          --dns-timeout-ms MS    dns-server-timeout for both targets (default 1000)
          --max-in-flight N      the sidecar's Fos1:MaxInFlight (default: the sidecar's own default)
          --sidecar-dll PATH     fos1-kea-sidecar.dll (default: the repository's bin/<Configuration>/net10.0)

        Sustained mode (--sustained): instead of --rates/--changes/--repeat, find per target, in the same run and
        alternating between targets, the highest rate at which N = rate x S NCRs all land with zero loss and
        landed rate >= (1 - tolerance) x offered (no backlog left to grow):
          --sustain-seconds S    sending time per probe (default 5; N at most 65536)
          --sustain-start R      first rate (default 500); x2 up the ladder until a rate fails, then bisection
          --sustain-max R        highest rate tried (default 40000)
          --sustain-probes K     probes per target (default 8)
          --sustain-tolerance P  percent the landed rate may fall short (default 5)
        """;

    /// <exception cref="FormatException">An unknown option or a bad value; the message names it.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
            options = name switch
            {
                "--changes" or "--n" => options with { Changes = Int(name, Value(), 1, MaxChangesPerRun) },
                "--rates" => options with { Rates = [.. Value().Split(',').Select(rate => Int(name, rate, 1, 1_000_000))] },
                "--targets" => options with { Targets = ParseTargets(Value()) },
                "--repeat" => options with { Repeat = Int(name, Value(), 1, 100) },
                "--samples" => options with { LatencySamples = Int(name, Value(), 1, 10_000) },
                "--probe-qps" => options with { ProbeQueriesPerSecond = Int(name, Value(), 10, 100_000) },
                "--quiet-seconds" => options with { Quiet = TimeSpan.FromSeconds(Int(name, Value(), 1, 600)) },
                "--drain-seconds" => options with { DrainDeadline = TimeSpan.FromSeconds(Int(name, Value(), 1, 3600)) },
                "--dns-timeout-ms" => options with { DnsServerTimeoutMs = Int(name, Value(), 10, 60_000) },
                "--max-in-flight" => options with { SidecarMaxInFlight = Int(name, Value(), 1, 65536) },
                "--sidecar-dll" => options with { SidecarDll = Value() },
                "--sustained" => options with { Sustained = true },
                "--sustain-seconds" => options with { SustainSeconds = Int(name, Value(), 1, 600) },
                "--sustain-start" => options with { SustainStart = Int(name, Value(), 50, 1_000_000) },
                "--sustain-max" => options with { SustainMax = Int(name, Value(), 50, 1_000_000) },
                "--sustain-probes" => options with { SustainProbes = Int(name, Value(), 1, 60) },
                "--sustain-tolerance" => options with { SustainTolerance = Int(name, Value(), 0, 50) / 100.0 },
                _ => throw new FormatException($"unknown option '{name}'"),
            };
        }

        return options;
    }

    private static int Int(string option, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{option}: '{text}' is not a whole number from {min} to {max}");

    private static string[] ParseTargets(string text)
    {
        var targets = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = targets.Where(target => target is not (BenchTargetNames.Sidecar or BenchTargetNames.KeaD2)).ToList();
        return unknown.Count == 0 && targets.Length > 0
            ? targets
            : throw new FormatException($"--targets: unknown target(s) '{string.Join(",", unknown)}'; use sidecar and/or d2");
    }
}
