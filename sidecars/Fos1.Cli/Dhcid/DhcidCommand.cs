using System.CommandLine;

namespace Fos1.Ctl.Dhcid;

/// <summary><c>fos1ctl dhcid</c>: which DHCID a client owns a name with, as Kea (and the sidecar) compute it.</summary>
internal static class DhcidCommand
{
    public static Command Create()
    {
        var hardwareAddress = new Option<string>("--hw-address") { Description = "DHCPv4 chaddr of a client without client-id, e.g. aa:bb:cc:dd:ee:ff" };
        var hardwareType = new Option<byte>("--hw-type") { Description = "htype of --hw-address", DefaultValueFactory = _ => 1 };
        var clientId = new Option<string>("--client-id") { Description = "DHCPv4 client-id (option 61, type octet first), e.g. 01:aa:bb:cc:dd:ee:ff" };
        var duid = new Option<string>("--duid") { Description = "DHCPv6 DUID, e.g. 00:01:00:01:..." };
        var fqdn = new Option<string>("--fqdn") { Description = "The client's name, e.g. laptop.home.arpa", Required = true };
        var command = new Command("dhcid", "Compute the DHCID (RFC 4701, as Kea computes it) for a client identifier and name")
        {
            hardwareAddress, hardwareType, clientId, duid, fqdn,
        };
        command.SetAction(async parsed =>
        {
            if (!DhcidCalculation.TryCompute(parsed.GetValue(hardwareAddress), parsed.GetValue(hardwareType), parsed.GetValue(clientId),
                    parsed.GetValue(duid), parsed.GetValue(fqdn), out var calculation, out var error))
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"fos1ctl: {error}").ConfigureAwait(false);
                return ExitCodes.BadConfiguration;
            }

            await parsed.InvocationConfiguration.Output.WriteAsync(calculation.Render()).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
