using System.Security.Cryptography;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Tests.Bind;

/// <summary>One BIND for the whole "bind" collection, with one key per TSIG algorithm.</summary>
public sealed class BindFixture : IAsyncLifetime
{
    private BindServer? _server;

    public IReadOnlyDictionary<TsigAlgorithm, TsigKey> Keys { get; } = Enum.GetValues<TsigAlgorithm>().ToDictionary(
        algorithm => algorithm,
        algorithm => new TsigKey(DnsName.Parse($"key-{algorithm.KeaName().ToLowerInvariant()}"), algorithm, RandomNumberGenerator.GetBytes(32)));

    internal BindServer Server => _server ?? throw new InvalidOperationException("BIND has not started");

    public async Task InitializeAsync() => _server = await BindServer.StartAsync(Keys.Values.ToList());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition("bind")]
public sealed class BindServerGroup : ICollectionFixture<BindFixture>;
