namespace Fos1.Dns.Tests.Wire;

/// <summary>Expected octets written as spaced hex, so tests can lay a message out field by field.</summary>
internal static class Hex
{
    public static byte[] Parse(params string[] fields) =>
        Convert.FromHexString(string.Concat(fields).Replace(" ", string.Empty, StringComparison.Ordinal));
}
