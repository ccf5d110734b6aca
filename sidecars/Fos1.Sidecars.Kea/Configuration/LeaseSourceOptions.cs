using System.ComponentModel.DataAnnotations;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>"Fos1:HookSpool": the directory fos1-lease-hook.sh renames event files into (off when empty).</summary>
public sealed class HookSpoolSourceOptions
{
    public string? Directory { get; set; }

    [Range(1, 3600)]
    public int RescanSeconds { get; set; } = 5;
}

/// <summary>"Fos1:Reconciliation": converge DNS to Kea's lease list through lease_cmds (off when no channel is set).</summary>
public sealed class ReconciliationOptions
{
    /// <summary>kea-dhcp4's unix control socket.</summary>
    public string? Dhcp4ControlSocket { get; set; }

    /// <summary>kea-dhcp6's unix control socket.</summary>
    public string? Dhcp6ControlSocket { get; set; }

    /// <summary>The Control Agent URL, used instead of the sockets when set (service dhcp4 / dhcp6).</summary>
    public string? ControlAgentUrl { get; set; }

    /// <summary>Seconds between runs after the one at start-up; 0 runs only at start-up.</summary>
    [Range(0, 86_400)]
    public int IntervalSeconds { get; set; } = 300;

    [Range(1, 65_536)]
    public int PageSize { get; set; } = 1000;

    public bool Enabled => !string.IsNullOrEmpty(Dhcp4ControlSocket) || !string.IsNullOrEmpty(Dhcp6ControlSocket) || !string.IsNullOrEmpty(ControlAgentUrl);
}

/// <summary>"Fos1:Memfile": tail Kea's lease files (off when neither is set).</summary>
public sealed class MemfileSourceOptions
{
    public string? LeaseFile4 { get; set; }

    public string? LeaseFile6 { get; set; }
}
