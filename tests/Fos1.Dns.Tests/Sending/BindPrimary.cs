using Fos1.Dns.Tsig;
using Fos1.Testbed.Dns;
using TestbedKey = Fos1.Testbed.Dns.TsigKey;
using TsigKey = Fos1.Dns.Tsig.TsigKey;

namespace Fos1.Dns.Tests.Sending;

/// <summary>
/// One real BIND (the Testbed's) for the whole "bind" collection: primary for home.arpa and
/// 2.0.192.in-addr.arpa on 127.0.0.1 at a free port, taking UPDATEs signed with one key per TSIG algorithm.
/// </summary>
public sealed class BindPrimary : IAsyncLifetime
{
    private static readonly Dictionary<TsigAlgorithm, TestbedKey> ServerKeys = Enum.GetValues<TsigAlgorithm>().ToDictionary(
        algorithm => algorithm,
        algorithm => TestbedKey.Generate($"key-{algorithm.KeaName().ToLowerInvariant()}", algorithm.KeaName().ToLowerInvariant()));

    private BindServer? _server;

    /// <summary>The same keys as BIND knows them, in the form the sender takes.</summary>
    public IReadOnlyDictionary<TsigAlgorithm, TsigKey> Keys { get; } = ServerKeys.ToDictionary(
        entry => entry.Key,
        entry => TsigKey.FromKea(entry.Value.Name, entry.Value.Algorithm, entry.Value.Secret));

    public System.Net.IPEndPoint Endpoint => Server.Endpoint;

    private BindServer Server => _server ?? throw new InvalidOperationException("BIND has not started");

    public async Task InitializeAsync() => _server = await BindServer.StartAsync(new BindServerOptions
    {
        Zones = [new BindZone("home.arpa"), new BindZone("2.0.192.in-addr.arpa")],
        Key = ServerKeys[TsigAlgorithm.HmacSha256],
        AdditionalKeys = ServerKeys.Where(entry => entry.Key != TsigAlgorithm.HmacSha256).Select(entry => entry.Value).ToList(),
    });

    /// <summary>
    /// The answer section for NAME TYPE as master-file lines ("name ttl class type data", single spaces), sorted.
    /// Fails when BIND did not answer, so an empty list always means "BIND says there is nothing".
    /// </summary>
    public async Task<IReadOnlyList<string>> AnswerAsync(string name, string type)
    {
        var result = await Server.QueryFullAsync(name, type);
        Assert.True(result.Answered && result.Status is "NOERROR" or "NXDOMAIN", $"dig {name} {type} got no usable answer from {Server}:\n{result.Output}");
        return result.Answers
            .Select(record => string.Join(' ', record.Name, record.Ttl, record.Class, record.Type, SingleSpaced(record.Data)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static string SingleSpaced(string data) =>
        string.Join(' ', data.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

[CollectionDefinition("bind")]
public sealed class BindPrimaryGroup : ICollectionFixture<BindPrimary>;
