namespace Fos1.Dns.Tests.Bind;

/// <summary>Finds the BIND executables, failing with the Debian package to install when one is missing.</summary>
internal static class Tools
{
    private static readonly string[] ExtraDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    public static string Named => Find("named", "bind9");

    public static string Dig => Find("dig", "bind9-dnsutils");

    private static string Find(string executable, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(ExtraDirectories))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{executable}' was not found: install it with 'apt-get install {package}'");
    }
}
