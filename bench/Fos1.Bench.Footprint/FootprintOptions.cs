using System.Globalization;

namespace Fos1.Bench.Footprint;

/// <summary>
/// Command-line options: <c>--starts 5 --idle-seconds 10 --changes 1000 --variants kea,kea-k8s,dns,dns-k8s,config</c>, and
/// <c>--kea-dll PATH</c> to measure another build of fos1-kea-sidecar.dll (e.g. a ReadyToRun publish).
/// </summary>
public sealed record FootprintOptions(int Starts, TimeSpan Idle, int Changes, IReadOnlyList<string> Variants, string? KeaDll = null)
{
    public static readonly IReadOnlyList<string> AllVariants = ["kea", "kea-k8s", "dns", "dns-k8s", "config"];

    public const string Usage =
        "Fos1.Bench.Footprint [--starts 5] [--idle-seconds 10] [--changes 1000] [--variants kea,kea-k8s,dns,dns-k8s,config] [--kea-dll PATH]";

    public static FootprintOptions Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new FootprintOptions(5, TimeSpan.FromSeconds(10), 1000, AllVariants);
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = i + 1 < arguments.Count ? arguments[i + 1] : throw new ArgumentException($"{arguments[i]} needs a value\n{Usage}");
            options = arguments[i] switch
            {
                "--starts" => options with { Starts = Positive(value) },
                "--idle-seconds" => options with { Idle = TimeSpan.FromSeconds(Positive(value)) },
                "--changes" => options with { Changes = Positive(value) },
                "--variants" => options with { Variants = Known(value) },
                "--kea-dll" => options with { KeaDll = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {arguments[i]}\n{Usage}"),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{value} is not a positive number\n{Usage}");

    private static string[] Known(string value)
    {
        var variants = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return variants.FirstOrDefault(v => !AllVariants.Contains(v)) is { } unknown
            ? throw new ArgumentException($"unknown variant {unknown}\n{Usage}")
            : variants;
    }
}
