using System.Globalization;

namespace Fos1.Bench.Dns;

/// <summary>The command line of the bench; the defaults finish in a few minutes on 2 cores.</summary>
public sealed record BenchOptions
{
    public const string Sidecar = "sidecar";
    public const string Bind = "bind";

    /// <summary>Addresses are 10.run.hi.lo, so one run holds at most 65,536 names.</summary>
    public const int MaxUpdatesPerRun = 65536;

    /// <summary>ForwardAdd UPDATEs per (target, concurrency) run.</summary>
    public int Updates { get; init; } = 5000;

    /// <summary>UPDATEs in flight at once, one run per value and target.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64];

    public IReadOnlyList<string> Targets { get; init; } = [Sidecar, Bind];

    /// <summary>Names per run whose publish latency (NOERROR -> visible) is measured.</summary>
    public int Samples { get; init; } = 100;

    public int TimeoutMs { get; init; } = 2000;

    /// <summary>Unreported UPDATEs sent to each target first, so JIT and first-touch costs stay out of the table.</summary>
    public int Warmup { get; init; } = 500;

    public static string Usage => """
        Fos1.Bench.Dns: sends TSIG-signed RFC 4703 ForwardAdd UPDATEs with N in flight to the dns sidecar and to a
        real BIND with the same zones and key, and prints accepted updates/s, failures, update latency and
        publish latency (NOERROR -> answerable) as a markdown table.

          --updates N            UPDATEs per run (default 5000, at most 65536)
          --concurrency C1,C2    UPDATEs in flight (default 1,16,64)
          --targets T1,T2        sidecar, bind (default both)
          --samples N            publish-latency samples per run (default 100)
          --timeout-ms MS        per-UPDATE answer timeout (default 2000)
          --warmup N             unreported UPDATEs per target before the runs (default 500)
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
                "--updates" => options with { Updates = Int(name, Value(), 1, MaxUpdatesPerRun) },
                "--concurrency" => options with { Concurrency = [.. Value().Split(',').Select(v => Int(name, v, 1, 4096))] },
                "--targets" => options with { Targets = ParseTargets(Value()) },
                "--samples" => options with { Samples = Int(name, Value(), 0, 10_000) },
                "--timeout-ms" => options with { TimeoutMs = Int(name, Value(), 1, 60_000) },
                "--warmup" => options with { Warmup = Int(name, Value(), 0, MaxUpdatesPerRun) },
                _ => throw new FormatException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static string[] ParseTargets(string value)
    {
        var targets = value.Split(',');
        return targets.All(t => t is Sidecar or Bind) ? targets : throw new FormatException($"--targets: {value} (sidecar, bind)");
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new FormatException($"{name}: {value} is not a number in {min}..{max}");
}
