using Fos1.Testbed.Dns;

namespace Fos1.Bench.Ncr.Targets;

/// <summary>What a target must know about BIND: where it is, the key, and the zones of the target's runs.</summary>
public sealed record BenchZones(System.Net.IPEndPoint DnsServer, TsigKey Key, IReadOnlyList<string> Forward, IReadOnlyList<string> Reverse);
