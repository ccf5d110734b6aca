using System.Net;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Dns;

/// <summary>How to start a <see cref="BindServer"/>.</summary>
public sealed record BindServerOptions
{
    public required IReadOnlyList<BindZone> Zones { get; init; }

    /// <summary>Zones transferred from another primary (may be the only zones when <see cref="Zones"/> is empty).</summary>
    public IReadOnlyList<BindSecondaryZone> SecondaryZones { get; init; } = [];

    /// <summary>The key that may update every zone; a random hmac-sha256 key when not given.</summary>
    public TsigKey Key { get; init; } = TsigKey.Generate();

    /// <summary>More keys that may update every zone (e.g. one per algorithm under test).</summary>
    public IReadOnlyList<TsigKey> AdditionalKeys { get; init; } = [];

    public UpdateAuthorization Authorization { get; init; } = UpdateAuthorization.AllowUpdate;

    /// <summary>The IPv4 address named listens on; must exist in <see cref="Namespace"/> (or the root namespace).</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port; a free one (UDP and TCP) when not given.</summary>
    public int? Port { get; init; }

    /// <summary>Start named inside this namespace (<c>ip netns exec</c>); the root namespace when null.</summary>
    public NetworkNamespace? Namespace { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
