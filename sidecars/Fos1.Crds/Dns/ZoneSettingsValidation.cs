using System.Net;
using Fos1.Crds.Validation;

namespace Fos1.Crds.Dns;

/// <summary>The fields DNSZone and PTRZone share: ttl, soa, nameServers, dynamicUpdates, publish.</summary>
internal static class ZoneSettingsValidation
{
    public static void Ttl(List<ValidationError> errors, string path, int? ttl)
    {
        if (ttl < 0)
        {
            errors.Add(new(path, $"must not be negative (got {ttl})"));
        }
    }

    public static void Shared(List<ValidationError> errors, int ttl, SoaSettings soa, IReadOnlyList<string> nameServers, DynamicUpdates updates, PublishSettings publish)
    {
        Ttl(errors, "spec.ttl", ttl);
        Name(errors, "spec.soa.primaryNameServer", soa.PrimaryNameServer);
        Name(errors, "spec.soa.mailbox", soa.Mailbox);
        Ttl(errors, "spec.soa.refresh", soa.Refresh);
        Ttl(errors, "spec.soa.retry", soa.Retry);
        Ttl(errors, "spec.soa.expire", soa.Expire);
        Ttl(errors, "spec.soa.minimum", soa.Minimum);
        for (var i = 0; i < nameServers.Count; i++)
        {
            Name(errors, $"spec.nameServers[{i}]", nameServers[i] ?? "");
        }

        if (updates.Enabled && updates.Keys.Count == 0)
        {
            errors.Add(new("spec.dynamicUpdates.keys", "at least one TSIG key is required when dynamic updates are enabled"));
        }

        for (var i = 0; i < updates.Keys.Count; i++)
        {
            Name(errors, $"spec.dynamicUpdates.keys[{i}]", updates.Keys[i] ?? "");
        }

        if (updates.RecordTypes is { } types)
        {
            if (types.Count == 0)
            {
                errors.Add(new("spec.dynamicUpdates.recordTypes", "must list at least one type (leave it out for the default)"));
            }

            for (var i = 0; i < types.Count; i++)
            {
                if (types[i] is null || !RecordValueSyntax.UpdatableTypes.Contains(types[i]))
                {
                    errors.Add(new($"spec.dynamicUpdates.recordTypes[{i}]", $"'{types[i]}' is not one of {string.Join(' ', RecordValueSyntax.UpdatableTypes)}"));
                }
            }
        }

        if (!Enum.IsDefined(publish.Mode))
        {
            errors.Add(new("spec.publish.mode", $"{(int)publish.Mode} is not Grpc, Secondary or File"));
        }

        Ttl(errors, "spec.publish.cacheSeconds", publish.CacheSeconds);
        for (var i = 0; i < publish.Notify.Count; i++)
        {
            if (!IPEndPoint.TryParse(publish.Notify[i] ?? "", out _))
            {
                errors.Add(new($"spec.publish.notify[{i}]", $"'{publish.Notify[i]}' is not address[:port] (IPv6 as [address]:port)"));
            }
        }
    }

    /// <summary>An optional absolute name (null = defaulted).</summary>
    public static void Name(List<ValidationError> errors, string path, string? name)
    {
        if (name is not null && Syntax.AbsoluteName(name) is { } error)
        {
            errors.Add(new(path, error));
        }
    }
}
