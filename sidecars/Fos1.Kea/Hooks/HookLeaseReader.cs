using System.Globalization;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Hooks;

/// <summary>
/// Reads one lease that run_script exported under a prefix (<c>LEASE4</c>, <c>LEASES6_AT1</c>,
/// <c>DELETED_LEASES4_AT0</c>...). Formats are those of Kea's toText(): colon hex for MACs, client-ids
/// and DUIDs, CLTT in seconds since the epoch, lease type IA_NA/IA_TA/IA_PD.
/// </summary>
internal static class HookLeaseReader
{
    /// <summary>Kea's "infinite" lifetime: the lease never expires.</summary>
    private const uint InfiniteLifetime = uint.MaxValue;

    public static Lease Read4(HookEnvironment environment, string prefix) => Read(environment, prefix, v6: false);

    public static Lease Read6(HookEnvironment environment, string prefix) => Read(environment, prefix, v6: true);

    /// <summary>Kea's lease state: "default" (active), "declined" or "expired-reclaimed".</summary>
    public static string State(HookEnvironment environment, string prefix) => environment.Required(prefix + "_STATE");

    private static Lease Read(HookEnvironment environment, string prefix, bool v6)
    {
        var address = environment.Address(prefix + "_ADDRESS");
        var validLifetime = environment.UInt32(prefix + "_VALID_LIFETIME");
        var cltt = environment.UInt64(prefix + "_CLTT");
        var hardwareAddress = environment.Hex(prefix + "_HWADDR");
        var hardwareType = hardwareAddress is null ? (byte)0 : HardwareType(environment, prefix + "_HWADDR_TYPE");
        return new Lease(
            address,
            v6 ? LeaseType6(environment, prefix + "_TYPE") : LeaseType.V4,
            hardwareType,
            hardwareAddress,
            ClientId: v6 ? null : environment.Hex(prefix + "_CLIENT_ID"),
            Duid: v6 ? environment.Hex(prefix + "_DUID") : null,
            Iaid: v6 ? environment.UInt32(prefix + "_IAID") : 0,
            Hostname: environment.Optional(prefix + "_HOSTNAME"),
            // run_script exports no fqdn_fwd/fqdn_rev: the naming options decide what to update.
            ForwardDns: true,
            ReverseDns: true,
            validLifetime,
            Expires(cltt, validLifetime, prefix),
            environment.UInt32(prefix + "_SUBNET_ID"));
    }

    private static byte HardwareType(HookEnvironment environment, string name)
    {
        var value = environment.UInt32(name);
        return value <= byte.MaxValue
            ? (byte)value
            : throw new HookFormatException(HookParseErrorKind.BadValue, $"{name}={value} is not a DHCP hardware type (0-255)");
    }

    private static LeaseType LeaseType6(HookEnvironment environment, string name) => environment.Required(name) switch
    {
        "IA_NA" => LeaseType.IaNa,
        "IA_TA" => LeaseType.IaTa,
        "IA_PD" => LeaseType.IaPd,
        var other => throw new HookFormatException(HookParseErrorKind.BadValue, $"{name}='{other}' is not IA_NA, IA_TA or IA_PD"),
    };

    private static DateTimeOffset Expires(ulong cltt, uint validLifetime, string prefix)
    {
        if (validLifetime == InfiniteLifetime)
        {
            return DateTimeOffset.MaxValue;
        }

        var seconds = cltt + validLifetime;
        if (seconds > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new HookFormatException(
                HookParseErrorKind.BadValue,
                string.Create(CultureInfo.InvariantCulture, $"{prefix}_CLTT={cltt} plus the valid lifetime is beyond any representable time"));
        }

        return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
    }
}
