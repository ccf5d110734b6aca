using System.Text;

namespace Fos1.Mdns.Rendering;

/// <summary>
/// Writes avahi-daemon.conf (avahi-daemon.conf(5)): INI sections, <c>key=value</c>, booleans as yes/no, lists
/// comma-separated. Keys left out keep avahi's defaults. The text depends only on the settings, so an unchanged
/// effect renders byte-identical text and the writer leaves avahi alone.
/// </summary>
internal static class AvahiConfigText
{
    public static string Write(AvahiSettings settings, AvahiRenderOptions options)
    {
        var text = new StringBuilder();
        text.Append(settings.Source is null
            ? "# No MDNSReflector applies on this node: reflection is off.\n"
            : $"# Rendered from MDNSReflector {settings.Source}.\n");
        text.Append("# Written by the Fos1 config sidecar and replaced on every change: do not edit.\n");

        text.Append("\n[server]\n");
        if (options.PublishHostName && !string.IsNullOrEmpty(options.HostName))
        {
            Line(text, "host-name", options.HostName);
        }

        Line(text, "use-ipv4", settings.Ipv4);
        Line(text, "use-ipv6", settings.Ipv6);

        // An empty allow-interfaces means "every interface": leave the key out instead of writing it empty.
        if (settings.Interfaces.Count > 0)
        {
            Line(text, "allow-interfaces", string.Join(',', settings.Interfaces));
        }

        Line(text, "enable-dbus", options.Dbus switch
        {
            AvahiDbus.Yes => "yes",
            AvahiDbus.Warn => "warn",
            _ => "no",
        });

        // Wide-area DNS-SD is unicast DNS for avahi's own clients; a reflector has none.
        text.Append("\n[wide-area]\n");
        Line(text, "enable-wide-area", false);

        text.Append("\n[publish]\n");
        if (options.PublishHostName)
        {
            Line(text, "publish-addresses", true);
            Line(text, "publish-hinfo", false);
            Line(text, "publish-workstation", false);
        }
        else
        {
            Line(text, "disable-publishing", true);
        }

        text.Append("\n[reflector]\n");
        Line(text, "enable-reflector", settings.Reflect);
        Line(text, "reflect-ipv", settings.ReflectIpv);
        if (settings.Filters.Count > 0)
        {
            Line(text, "reflect-filters", string.Join(',', settings.Filters));
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string key, bool value) => Line(text, key, value ? "yes" : "no");

    private static void Line(StringBuilder text, string key, string value) => text.Append(key).Append('=').Append(value).Append('\n');
}
