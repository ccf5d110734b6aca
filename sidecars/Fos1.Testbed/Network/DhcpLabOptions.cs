namespace Fos1.Testbed.Network;

/// <summary>How to build a <see cref="DhcpLab"/>.</summary>
public sealed record DhcpLabOptions
{
    public static DhcpLabOptions Default { get; } = new();

    /// <summary>Also create a <see cref="Network.HostLink"/> so processes in the root namespace can be reached from the server namespace.</summary>
    public bool WithHostLink { get; init; } = true;
}
