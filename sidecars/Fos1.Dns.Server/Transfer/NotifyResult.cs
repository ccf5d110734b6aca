using System.Net;
using Fos1.Ddns.Updates;

namespace Fos1.Dns.Server.Transfer;

/// <summary>What one secondary made of a NOTIFY: its RCODE, or null when it never answered.</summary>
public sealed record NotifyResult(IPEndPoint Secondary, ResponseCode? Code, int Tries)
{
    public bool Acknowledged => Code == ResponseCode.NoError;
}
