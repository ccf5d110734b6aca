namespace Fos1.Testbed.Processes;

/// <summary>An external program the testbed drives, and the Debian package that ships it.</summary>
public sealed record Tool(string Executable, string DebianPackage)
{
    // Test runners often have a PATH without the sbin directories where Debian puts daemons.
    private static readonly string[] FallbackDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static Tool Named { get; } = new("named", "bind9");
    public static Tool Dig { get; } = new("dig", "bind9-dnsutils");
    public static Tool Nsupdate { get; } = new("nsupdate", "bind9-dnsutils");
    public static Tool KeaDhcp4 { get; } = new("kea-dhcp4", "kea-dhcp4-server");
    public static Tool KeaDhcp6 { get; } = new("kea-dhcp6", "kea-dhcp6-server");
    public static Tool KeaDhcpDdns { get; } = new("kea-dhcp-ddns", "kea-dhcp-ddns-server");
    public static Tool Perfdhcp { get; } = new("perfdhcp", "kea-admin");
    public static Tool Ip { get; } = new("ip", "iproute2");

    /// <summary>The .NET host that runs the sidecars (Microsoft's dotnet-sdk-10.0 package).</summary>
    public static Tool Dotnet { get; } = new("dotnet", "dotnet-sdk-10.0");

    /// <summary>The absolute path of the executable.</summary>
    /// <exception cref="MissingToolException">The executable is not installed; the message names the package.</exception>
    public string Path => TryFind() ?? throw new MissingToolException(this);

    public bool IsInstalled => TryFind() is not null;

    private string? TryFind()
    {
        var searchPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(FallbackDirectories);
        foreach (var directory in searchPath)
        {
            var candidate = System.IO.Path.Combine(directory, Executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
