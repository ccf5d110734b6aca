using System.Globalization;
using System.Text;

namespace Fos1.Testbed.Dns;

/// <summary>Renders named.conf and the zone files of a <see cref="BindServer"/>.</summary>
internal static class BindConfiguration
{
    public static string NamedConf(BindServerOptions options, string directory, int port)
    {
        TsigKey[] keys = [options.Key, .. options.AdditionalKeys];
        var conf = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $$"""
                options {
                    directory "{{directory}}";
                    pid-file "{{directory}}/named.pid";
                    session-keyfile "{{directory}}/session.key";
                    managed-keys-directory "{{directory}}";
                    listen-on port {{port}} { {{options.ListenAddress}}; };
                    listen-on-v6 { none; };
                    recursion no;
                    notify no;
                    dnssec-validation no;
                    allow-query { any; };
                    allow-transfer { any; };
                };

                """);
        foreach (var key in keys)
        {
            conf.Append(CultureInfo.InvariantCulture, $$"""
                key "{{key.Name}}" {
                    algorithm {{key.Algorithm}};
                    secret "{{key.Secret}}";
                };

                """);
        }

        foreach (var zone in options.Zones)
        {
            var authorization = options.Authorization == UpdateAuthorization.UpdatePolicy
                ? $"update-policy {{ {string.Concat(keys.Select(key => $"grant \"{key.Name}\" zonesub ANY; "))}}};"
                : $"allow-update {{ {string.Concat(keys.Select(key => $"key \"{key.Name}\"; "))}}};";
            conf.Append(CultureInfo.InvariantCulture, $$"""
                zone "{{zone.CanonicalName}}" {
                    type primary;
                    file "{{ZoneFileName(zone)}}";
                    {{authorization}}
                };

                """);
        }

        foreach (var zone in options.SecondaryZones)
        {
            var key = zone.TransferKey is null ? "" : $" key \"{zone.TransferKey.Name}\"";
            conf.Append(CultureInfo.InvariantCulture, $$"""
                zone "{{zone.CanonicalName}}" {
                    type secondary;
                    file "{{zone.CanonicalName}}.secondary.db";
                    masterfile-format text;
                    primaries { {{zone.Primary.Address}} port {{zone.Primary.Port}}{{key}}; };
                    allow-notify { {{zone.Primary.Address}}; };
                    request-ixfr no;
                };

                """);
        }

        return conf.ToString();
    }

    public static string ZoneFileName(BindZone zone) => zone.CanonicalName + ".db";

    public static string ZoneFile(BindZone zone)
    {
        var origin = zone.CanonicalName + ".";
        return $"""
            $ORIGIN {origin}
            $TTL 300
            @ 300 IN SOA ns.{origin} hostmaster.{origin} 1 3600 600 86400 300
            @ 300 IN NS ns.{origin}
            ns 300 IN A 127.0.0.1
            {zone.StaticRecords}

            """;
    }
}
