namespace Fos1.Ctl.Tests;

/// <summary>A kea-dhcp-ddns.conf-shaped sidecar configuration in a temporary file.</summary>
internal sealed class SidecarConfigFile : IDisposable
{
    private SidecarConfigFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fos1ctl-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    /// <param name="keyName">The forward domain's key-name; anything but "k1" names no key.</param>
    public static SidecarConfigFile Valid(int dnsPort, string keyName = "k1") => new($$"""
        {
          // comments are allowed, as in the sidecar
          "DhcpDdns": {
            "tsig-keys": [ { "name": "k1", "algorithm": "HMAC-SHA256", "secret": "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0" } ],
            "forward-ddns": { "ddns-domains": [ { "name": "home.arpa.", "key-name": "{{keyName}}", "dns-servers": [ { "ip-address": "127.0.0.1", "port": {{dnsPort}} } ] } ] },
            "reverse-ddns": { "ddns-domains": [] }
          }
        }
        """);

    public static SidecarConfigFile WithText(string text) => new(text);

    public void Dispose() => File.Delete(Path);
}
