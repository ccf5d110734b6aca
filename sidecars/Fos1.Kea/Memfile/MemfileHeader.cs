using System.Diagnostics.CodeAnalysis;

namespace Fos1.Kea.Memfile;

/// <summary>
/// The column layout of one lease file, from its first line. Rows are read by header name, never by position:
/// Kea 2.2 writes <c>address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context</c>
/// (v4) and <c>address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,
/// hostname,hwaddr,state,user_context,hwtype,hwaddr_source</c> (v6); later versions append <c>pool_id</c>.
/// </summary>
public sealed class MemfileHeader
{
    private static readonly string[] Common = ["address", "valid_lifetime", "expire", "subnet_id", "fqdn_fwd", "fqdn_rev", "hostname"];
    private static readonly string[] V4Only = ["hwaddr", "client_id"];
    private static readonly string[] V6Only = ["duid", "lease_type", "iaid"];

    private readonly Dictionary<string, int> _columns;

    private MemfileHeader(int family, Dictionary<string, int> columns)
    {
        Family = family;
        _columns = columns;
    }

    /// <summary>4 or 6: a <c>duid</c> column makes it a DHCPv6 lease file.</summary>
    public int Family { get; }

    public int ColumnCount => _columns.Count;

    public static bool TryParse(string line, [NotNullWhen(true)] out MemfileHeader? header, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        header = null;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = line.TrimEnd('\r').Split(',');
        for (var i = 0; i < names.Length; i++)
        {
            if (!columns.TryAdd(names[i], i))
            {
                error = $"the header names column '{names[i]}' twice";
                return false;
            }
        }

        var family = columns.ContainsKey("duid") ? 6 : 4;
        var missing = Common.Concat(family == 6 ? V6Only : V4Only).Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            error = $"the header '{line}' lacks the column(s) {string.Join(", ", missing)}; is this a Kea memfile lease file?";
            return false;
        }

        header = new MemfileHeader(family, columns);
        error = null;
        return true;
    }

    /// <summary>The index of <paramref name="column"/>, or -1 when this file has no such column.</summary>
    public int IndexOf(string column) => _columns.GetValueOrDefault(column, -1);
}
