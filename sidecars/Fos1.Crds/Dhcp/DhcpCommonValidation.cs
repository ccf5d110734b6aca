using System.Net;
using System.Net.Sockets;
using Fos1.Crds.Validation;

namespace Fos1.Crds.Dhcp;

/// <summary>The checks DHCPv4Service and DHCPv6Service share.</summary>
internal static class DhcpCommonValidation
{
    /// <summary>Kea's subnet-id is a uint32 with 0 and 0xffffffff reserved.</summary>
    public const long MaxSubnetId = 4294967294;

    public static void Lifetime(List<ValidationError> errors, string path, long? seconds)
    {
        if (seconds < 0)
        {
            errors.Add(new(path, $"must not be negative (got {seconds})"));
        }
    }

    public static void Timers(List<ValidationError> errors, string path, int? renew, int? rebind, int valid)
    {
        Lifetime(errors, path + "validLifetime", valid);
        Lifetime(errors, path + "renewTimer", renew);
        Lifetime(errors, path + "rebindTimer", rebind);
        if (renew is { } t1 && rebind is { } t2 && t1 > t2)
        {
            errors.Add(new(path + "renewTimer", $"renewTimer {t1} is greater than rebindTimer {t2}"));
        }
    }

    public static void Interfaces(List<ValidationError> errors, IReadOnlyList<string> interfaces)
    {
        for (var i = 0; i < interfaces.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(interfaces[i]))
            {
                errors.Add(new($"spec.interfaces[{i}]", "must not be empty"));
            }
        }
    }

    public static void Options(List<ValidationError> errors, string path, IReadOnlyList<DhcpOption> options)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options[i].Name))
            {
                errors.Add(new($"{path}[{i}].name", "is required"));
            }

            if (options[i].Data is null)
            {
                errors.Add(new($"{path}[{i}].data", "is required"));
            }
        }
    }

    public static void SubnetId(List<ValidationError> errors, string path, long? id, Dictionary<long, string> seen)
    {
        if (id is not { } value)
        {
            return;
        }

        if (value is < 1 or > MaxSubnetId)
        {
            errors.Add(new(path, $"subnet id {value} is outside 1..{MaxSubnetId}"));
        }
        else if (!seen.TryAdd(value, path))
        {
            errors.Add(new(path, $"subnet id {value} is already used by {seen[value]}"));
        }
    }

    /// <summary>Each pool inside the subnet with start &lt;= end, and no two pools sharing an address.</summary>
    public static void Pools(List<ValidationError> errors, string path, IReadOnlyList<DhcpPool> pools, IPNetwork? subnet, AddressFamily family)
    {
        var ranges = new List<(UInt128 Start, UInt128 End, int Index)>();
        for (var i = 0; i < pools.Count; i++)
        {
            var at = $"{path}[{i}]";
            var startOk = Address(errors, at + ".start", pools[i].Start, subnet, family, out var start);
            var endOk = Address(errors, at + ".end", pools[i].End, subnet, family, out var end);
            if (!startOk || !endOk)
            {
                continue;
            }

            var (s, e) = (AddressOrder.Value(start!), AddressOrder.Value(end!));
            if (s > e)
            {
                errors.Add(new(at, $"start {pools[i].Start} is after end {pools[i].End}"));
                continue;
            }

            foreach (var other in ranges)
            {
                if (s <= other.End && other.Start <= e)
                {
                    errors.Add(new(at, $"overlaps {path}[{other.Index}]"));
                }
            }

            ranges.Add((s, e, i));
        }
    }

    /// <summary>An address of the family, and inside the subnet when the subnet itself parsed.</summary>
    public static bool Address(List<ValidationError> errors, string path, string? text, IPNetwork? subnet, AddressFamily family, out IPAddress? address)
    {
        if (!Syntax.TryAddress(text, family, out address, out var error))
        {
            errors.Add(new(path, error));
            return false;
        }

        if (subnet is { } network && !network.Contains(address))
        {
            errors.Add(new(path, $"{text} is outside subnet {network}"));
            return false;
        }

        return true;
    }

    public static void Hostname(List<ValidationError> errors, string path, string? hostname)
    {
        if (hostname is not null && Syntax.AbsoluteName(hostname) is { } error)
        {
            errors.Add(new(path, error));
        }
    }

    public static void Overlaps(List<ValidationError> errors, IReadOnlyList<IPNetwork?> subnets)
    {
        for (var i = 0; i < subnets.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (subnets[i] is { } a && subnets[j] is { } b && AddressOrder.Overlap(a, b))
                {
                    errors.Add(new($"spec.subnets[{i}].subnet", $"{a} overlaps spec.subnets[{j}] ({b})"));
                }
            }
        }
    }

    public static void DnsUpdates(List<ValidationError> errors, DnsUpdates updates)
    {
        if (updates.Enabled && string.IsNullOrEmpty(updates.Domain))
        {
            errors.Add(new("spec.dnsupdates.domain", "is required when dnsupdates are enabled"));
        }
        else if (updates.Domain is not null && Syntax.Domain(updates.Domain) is { } error)
        {
            errors.Add(new("spec.dnsupdates.domain", error));
        }

        if (!Enum.IsDefined(updates.ReplaceClientName))
        {
            errors.Add(new("spec.dnsupdates.replaceClientName", $"{(int)updates.ReplaceClientName} is not never, always, when-present or when-not-present"));
        }

        if (updates.GeneratedPrefix.Length > 0 && (updates.GeneratedPrefix.Contains('.', StringComparison.Ordinal) || Syntax.Name(updates.GeneratedPrefix) is not null))
        {
            errors.Add(new("spec.dnsupdates.generatedPrefix", $"'{updates.GeneratedPrefix}' is not a single host-name label"));
        }
    }
}
