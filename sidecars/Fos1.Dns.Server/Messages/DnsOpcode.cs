namespace Fos1.Dns.Server.Messages;

/// <summary>The OPCODEs this server distinguishes (RFC 1035, RFC 2136).</summary>
public static class DnsOpcode
{
    public const byte Query = 0;
    public const byte Update = 5;
}
