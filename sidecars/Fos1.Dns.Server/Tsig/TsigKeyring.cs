using Fos1.Dns.Tsig;

namespace Fos1.Dns.Server.Tsig;

/// <summary>The keys the server accepts, found by name (case-insensitive, as DNS names compare).</summary>
public sealed class TsigKeyring
{
    private readonly Dictionary<DnsName, TsigKey> _keys;

    public TsigKeyring(IEnumerable<TsigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [];
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.Name, key))
            {
                throw new ArgumentException($"TSIG key '{key.Name}' is configured twice", nameof(keys));
            }
        }
    }

    public static TsigKeyring Empty { get; } = new([]);

    public TsigKey? Find(DnsName name) => _keys.GetValueOrDefault(name);
}
