namespace Fos1.Testbed.Kea;

/// <summary>A perfdhcp run: <see cref="Exchanges"/> DORA/SARR exchanges (<c>-n</c>) at <see cref="Rate"/> per second (<c>-r</c>).</summary>
public sealed record PerfdhcpOptions
{
    /// <summary><c>-n</c>: stop after sending this many exchanges (with <see cref="ReleaseRate"/>: this many in total).</summary>
    public int Exchanges { get; init; } = 10;

    /// <summary><c>-R</c>: how many distinct simulated clients (MACs / DUIDs counted up from the base).</summary>
    public int Clients { get; init; } = 10;

    /// <summary><c>-r</c>: exchanges initiated per second.</summary>
    public int Rate { get; init; } = 50;

    /// <summary><c>-F</c>: RELEASEs per second, sent for leases perfdhcp acquired (v4 and v6 both work in Kea 2.2).</summary>
    public int? ReleaseRate { get; init; }

    /// <summary><c>-f</c>: renewals (v4 REQUEST, v6 RENEW) per second.</summary>
    public int? RenewRate { get; init; }

    /// <summary><c>-W</c>: how long to keep receiving after the last send; without it perfdhcp exits before the last replies.</summary>
    public TimeSpan ExitWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>-b mac=...</c> (v4) or <c>-b duid=...</c> (v6): the first client's identity, so runs can use disjoint clients.</summary>
    public string? Base { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Kill perfdhcp if it has not finished by then.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
