using System.Net;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Sending;

/// <summary>The primary server of a zone and the key to sign UPDATEs for it with (null: unsigned).</summary>
public sealed record DnsUpdateTarget(IPEndPoint Server, TsigKey? Key);
