namespace Fos1.Testbed.Mdns;

/// <summary>avahi-daemon.conf and service files for the lab's plain hosts (A and B), which the renderer does not configure.</summary>
public static class AvahiHostConfig
{
    /// <summary>A host that publishes its static services on one interface (IPv4 only, no D-Bus).</summary>
    public static string Publisher(string interfaceName, string hostName) => $"""
        [server]
        host-name={hostName}
        use-ipv4=yes
        use-ipv6=no
        allow-interfaces={interfaceName}
        enable-dbus=no

        [wide-area]
        enable-wide-area=no

        [publish]
        publish-hinfo=no
        publish-workstation=no

        """;

    /// <summary>A host that publishes nothing (IPv4 only, no D-Bus): it only shares the link with the browser.</summary>
    public static string Listener(string interfaceName) => $"""
        [server]
        use-ipv4=yes
        use-ipv6=no
        allow-interfaces={interfaceName}
        enable-dbus=no

        [wide-area]
        enable-wide-area=no

        [publish]
        disable-publishing=yes

        """;

    /// <summary>A static service file (avahi.service(5)) for <c>_http._tcp</c>.</summary>
    public static string HttpService(string instanceName, int port) => $"""
        <?xml version="1.0" standalone='no'?>
        <!DOCTYPE service-group SYSTEM "avahi-service.dtd">
        <service-group>
          <name>{instanceName}</name>
          <service>
            <type>_http._tcp</type>
            <port>{port}</port>
          </service>
        </service-group>

        """;
}
