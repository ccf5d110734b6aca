using System.Globalization;

namespace Fos1.Reliability;

/// <summary>Command line of the reliability command.</summary>
public sealed record ReliabilityOptions
{
    public const string Usage = """
        reliability [--leases N] [--dns-down-leases N] [--rate N] [--kill-rounds N] [--seed N] [--volume-kib N]
                    [--converge-seconds N] [--only NAME[,NAME]] [--out PATH|-]
          scenarios: dns-down, sidecar-kill, kea-restart, lfc, volume-full
        """;

    public int Leases { get; init; } = 2000;

    /// <summary>The DNS outage scenario's burst (the 5,000).</summary>
    public int DnsDownLeases { get; init; } = 5000;

    public int Rate { get; init; } = 250;

    public int KillRounds { get; init; } = 10;

    public int Seed { get; init; } = Environment.TickCount & 0x7fffffff;

    public int VolumeKiB { get; init; } = 8192;

    public TimeSpan ConvergeDeadline { get; init; } = TimeSpan.FromSeconds(180);

    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>The markdown file to write, or "-" for none.</summary>
    public string Out { get; init; } = "docs/reliability.md";

    public static ReliabilityOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ReliabilityOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new FormatException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--leases" => options with { Leases = Number(value) },
                "--dns-down-leases" => options with { DnsDownLeases = Number(value) },
                "--rate" => options with { Rate = Number(value) },
                "--kill-rounds" => options with { KillRounds = Number(value) },
                "--seed" => options with { Seed = Number(value) },
                "--volume-kib" => options with { VolumeKiB = Number(value) },
                "--converge-seconds" => options with { ConvergeDeadline = TimeSpan.FromSeconds(Number(value)) },
                "--only" => options with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--out" => options with { Out = value },
                _ => throw new FormatException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }

    private static int Number(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
        ? n : throw new FormatException($"'{value}' is not a positive number");
}
