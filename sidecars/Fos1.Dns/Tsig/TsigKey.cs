using System.Diagnostics.CodeAnalysis;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Tsig;

/// <summary>
/// A TSIG key as Kea D2 configures one (<c>name</c>, <c>algorithm</c>, <c>secret</c> in base64).
/// MAC truncation (Kea's <c>digest-bits</c>) is not supported: MACs are always full length.
/// <see cref="ToString"/> never shows the secret, so keys can appear in logs and records.
/// </summary>
public sealed class TsigKey
{
    private readonly byte[] _secret;

    public TsigKey(DnsName name, TsigAlgorithm algorithm, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == DnsName.Root)
        {
            throw new ArgumentException("a TSIG key needs a name", nameof(name));
        }

        if (secret.IsEmpty)
        {
            throw new ArgumentException($"TSIG key '{name}' has an empty secret", nameof(secret));
        }

        Name = name;
        Algorithm = algorithm;
        _secret = secret.ToArray();
        CanonicalName = WireNames.Canonical(name);
        CanonicalAlgorithmName = WireNames.Canonical(algorithm.WireName());
    }

    public DnsName Name { get; }

    public TsigAlgorithm Algorithm { get; }

    public ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Lower-case uncompressed wire form of <see cref="Name"/>, as the TSIG digest wants it.</summary>
    internal byte[] CanonicalName { get; }

    internal byte[] CanonicalAlgorithmName { get; }

    /// <summary>Builds a key from Kea D2's <c>tsig-keys</c> entry, with messages naming the bad field.</summary>
    public static bool TryFromKea(
        string? name,
        string? algorithm,
        string? secretBase64,
        [NotNullWhen(true)] out TsigKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!DnsName.TryParse(name, out var keyName, out var nameError) || keyName == DnsName.Root)
        {
            error = $"TSIG key name '{name}' is invalid: {nameError ?? "the root is not a key name"}";
            return false;
        }

        if (!TsigAlgorithms.TryParse(algorithm, out var parsedAlgorithm, out var algorithmError))
        {
            error = $"TSIG key '{keyName}': {algorithmError}";
            return false;
        }

        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(secretBase64 ?? string.Empty);
        }
        catch (FormatException)
        {
            error = $"TSIG key '{keyName}': secret is not valid base64";
            return false;
        }

        if (secret.Length == 0)
        {
            error = $"TSIG key '{keyName}': secret is empty";
            return false;
        }

        key = new TsigKey(keyName, parsedAlgorithm, secret);
        error = null;
        return true;
    }

    public static TsigKey FromKea(string name, string algorithm, string secretBase64) =>
        TryFromKea(name, algorithm, secretBase64, out var key, out var error) ? key : throw new FormatException(error);

    public override string ToString() => $"{Name} ({Algorithm.KeaName()})";
}
