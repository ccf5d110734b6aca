using Fos1.Crds.Dhcp;
using Fos1.Crds.Validation;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// The checks a CR must pass before its subnets go to Kea: Fos1.Crds' <see cref="DhcpServiceValidation"/> (what the
/// CRD schema and CEL rules promise, and what spans subnets), then a guard that every text the renderer parses
/// does parse, so a gap in validation makes one CR invalid instead of failing the whole rendering. Kea remains
/// the judge of the rest (option data syntax, pool overlaps).
/// </summary>
internal static class DhcpServiceChecks
{
    /// <returns>Null when the spec passes; otherwise the problems, naming the fields.</returns>
    public static string? Check4(DhcpV4ServiceSpec? spec) =>
        spec is null
            ? "spec is missing"
            : Report(DhcpServiceValidation.Validate(spec)) ?? Unparseable(4, spec.Subnets.Select(subnet =>
                (subnet.Subnet,
                 subnet.Pools.SelectMany(pool => new[] { pool.Start, pool.End })
                     .Concat(subnet.Reservations.Select(r => r.IpAddress).Where(address => !string.IsNullOrEmpty(address))),
                 Enumerable.Empty<string>())));

    public static string? Check6(DhcpV6ServiceSpec? spec) =>
        spec is null
            ? "spec is missing"
            : Report(DhcpServiceValidation.Validate(spec)) ?? Unparseable(6, spec.Subnets.Select(subnet =>
                (subnet.Subnet,
                 subnet.Pools.SelectMany(pool => new[] { pool.Start, pool.End }).Concat(subnet.Reservations.SelectMany(r => r.IpAddresses)),
                 subnet.PdPools.Select(pool => pool.Prefix).Concat(subnet.Reservations.SelectMany(r => r.Prefixes)))));

    private static string? Report(IReadOnlyList<ValidationError> errors) => errors.Count == 0 ? null : ValidationReport.Summarize(errors);

    private static string? Unparseable(int family, IEnumerable<(string Subnet, IEnumerable<string> Addresses, IEnumerable<string> Prefixes)> subnets)
    {
        foreach (var (subnet, addresses, prefixes) in subnets)
        {
            if (!Addressing.TryNetwork(subnet, family, out _))
            {
                return $"subnet '{subnet}' is not an IPv{family} prefix without host bits";
            }

            if (addresses.FirstOrDefault(text => !Addressing.TryAddress(text, family, out _)) is { } address)
            {
                return $"'{address}' in subnet {subnet} is not an IPv{family} address";
            }

            if (prefixes.FirstOrDefault(text => !Addressing.TryNetwork(text, family, out _)) is { } prefix)
            {
                return $"'{prefix}' in subnet {subnet} is not an IPv{family} prefix without host bits";
            }
        }

        return null;
    }
}
