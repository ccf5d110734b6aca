using System.Globalization;

namespace Fos1.Bench.Reconcile;

/// <summary>
/// Command-line options: <c>--leases 100000 --missing 500 --stale 250 --wrong 250 --page-size 1000 --resyncs 2 --repeat 1</c>, and
/// <c>--kea-dll PATH</c> to measure another build of fos1-kea-sidecar.dll.
/// </summary>
/// <param name="Missing">Leases whose names and PTRs the zones lack entirely.</param>
/// <param name="Stale">Owned names (A + DHCID, PTR + DHCID) that no lease backs.</param>
/// <param name="Wrong">Leased names whose A record holds another address (DHCID and PTR right).</param>
/// <param name="Resyncs">POST /resync this many times on one set-up: the first repairs the drift, the next ones find none (the periodic run's steady state).</param>
/// <param name="Repeat">Set everything up again (fresh Kea, BIND, sidecar) this many times.</param>
public sealed record ReconcileOptions(int Leases, int Missing, int Stale, int Wrong, int PageSize, int Resyncs, int Repeat, string? KeaDll = null)
{
    public const string Usage =
        "Fos1.Bench.Reconcile [--leases 100000] [--missing 500] [--stale 250] [--wrong 250] [--page-size 1000] [--resyncs 2] [--repeat 1] [--kea-dll PATH]";

    public static ReconcileOptions Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new ReconcileOptions(100_000, 500, 250, 250, 1000, 2, 1);
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = i + 1 < arguments.Count ? arguments[i + 1] : throw new ArgumentException($"{arguments[i]} needs a value\n{Usage}");
            options = arguments[i] switch
            {
                "--leases" => options with { Leases = Number(value, 1) },
                "--missing" => options with { Missing = Number(value, 0) },
                "--stale" => options with { Stale = Number(value, 0) },
                "--wrong" => options with { Wrong = Number(value, 0) },
                "--page-size" => options with { PageSize = Number(value, 1) },
                "--resyncs" => options with { Resyncs = Number(value, 1) },
                "--repeat" => options with { Repeat = Number(value, 1) },
                "--kea-dll" => options with { KeaDll = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {arguments[i]}\n{Usage}"),
            };
            i++;
        }

        return options.Missing + options.Wrong > options.Leases || options.Leases > 4_000_000 || options.Stale > 65_536
            ? throw new ArgumentException($"--missing + --wrong must not exceed --leases (at most 4,000,000), --stale at most 65,536\n{Usage}")
            : options;
    }

    private static int Number(string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException($"{value} is not a number >= {minimum}\n{Usage}");
}
