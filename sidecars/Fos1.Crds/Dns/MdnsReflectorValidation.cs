using Fos1.Crds.Validation;

namespace Fos1.Crds.Dns;

/// <summary>Checks an MDNSReflector spec before the config sidecar renders avahi-daemon.conf.</summary>
public static class MdnsReflectorValidation
{
    /// <summary>Linux IFNAMSIZ is 16 including the terminating NUL.</summary>
    public const int MaxInterfaceNameLength = 15;

    public static IReadOnlyList<ValidationError> Validate(MdnsReflectorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        if (spec.Interfaces.Count == 0)
        {
            errors.Add(new("spec.interfaces", "at least one interface is required"));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Interfaces.Count; i++)
        {
            var name = spec.Interfaces[i] ?? "";
            if (InterfaceNameError(name) is { } error)
            {
                errors.Add(new($"spec.interfaces[{i}]", error));
            }
            else if (!seen.TryAdd(name, i))
            {
                errors.Add(new($"spec.interfaces[{i}]", $"'{name}' repeats spec.interfaces[{seen[name]}]"));
            }
        }

        if (!spec.Ipv4 && !spec.Ipv6)
        {
            errors.Add(new("spec", "at least one of ipv4 / ipv6 must be enabled"));
        }
        else if (spec.ReflectIpv && !(spec.Ipv4 && spec.Ipv6))
        {
            errors.Add(new("spec.reflectIpv", "reflecting between IPv4 and IPv6 needs both ipv4 and ipv6 enabled"));
        }

        for (var i = 0; i < spec.Filters.Count; i++)
        {
            var filter = spec.Filters[i] ?? "";

            // avahi reads reflect-filters as one comma-separated line.
            if (filter.Length == 0 || filter.Any(c => c == ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                errors.Add(new($"spec.filters[{i}]", $"'{filter}' is not a service type such as _airplay._tcp.local (no commas or spaces)"));
            }
        }

        return errors;
    }

    /// <summary>Null for a usable Linux interface name (as the kernel's dev_valid_name, plus no wildcards).</summary>
    public static string? InterfaceNameError(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > MaxInterfaceNameLength)
        {
            return $"'{name}' is {name.Length} characters long, more than {MaxInterfaceNameLength}";
        }

        if (name.Contains('*', StringComparison.Ordinal) || name.Contains('?', StringComparison.Ordinal))
        {
            return $"'{name}' has a wildcard; list exact interface names";
        }

        if (name is "." or ".." || name.Any(c => c == '/' || c == ':' || char.IsWhiteSpace(c) || c > '~' || c < '!'))
        {
            return $"'{name}' is not a valid interface name";
        }

        return null;
    }
}
