using System.Security.Cryptography;

namespace Fos1.Testbed.Dns;

/// <summary>A TSIG key as BIND, nsupdate and Kea D2 spell it: name, algorithm (e.g. hmac-sha256) and base64 secret.</summary>
public sealed record TsigKey(string Name, string Algorithm, string Secret)
{
    /// <summary>A key with a fresh random 256-bit secret.</summary>
    public static TsigKey Generate(string name = "fos1-test-key", string algorithm = "hmac-sha256") =>
        new(name, algorithm, GenerateSecret());

    public static string GenerateSecret(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The <c>-y</c> argument of dig and nsupdate.</summary>
    public string CommandLineForm => $"{Algorithm}:{Name}:{Secret}";
}
