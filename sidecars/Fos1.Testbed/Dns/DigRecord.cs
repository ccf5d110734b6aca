namespace Fos1.Testbed.Dns;

/// <summary>One answer line of dig: owner name (with trailing dot), TTL, class, type and the data as <c>dig +short</c> prints it.</summary>
public sealed record DigRecord(string Name, int Ttl, string Class, string Type, string Data);
