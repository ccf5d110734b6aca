using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;

namespace Fos1.LocalStack;

/// <summary>One lease as Kea stored it, and what BIND answers for its name and address right now.</summary>
internal sealed record LeaseView(string Family, string Client, string Address, string Name, string Forward, string Reverse)
{
    public static async Task<LeaseView> ReadAsync(string family, MemfileLease lease, BindServer bind, CancellationToken cancellationToken)
    {
        var name = lease.Hostname.TrimEnd('.');
        var type = lease.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "AAAA" : "A";
        var forward = await bind.QueryAsync(name, type, cancellationToken);
        var reverse = await bind.QueryAsync(Fos1.Ddns.ReverseName.For(lease.Address).Text, "PTR", cancellationToken);
        return new LeaseView(family, lease.ClientIdentifier, lease.Address.ToString(), name,
            forward.Count == 0 ? "(none)" : $"{type} {string.Join(",", forward)}",
            reverse.Count == 0 ? "(none)" : $"PTR {string.Join(",", reverse)}");
    }

    public IReadOnlyList<string> Cells => [Family, Client, Address, Name, Forward, Reverse];

    public static IReadOnlyList<string> Header => ["family", "client (MAC / DUID)", "address", "name", "dig name", "dig -x address"];
}
