namespace Fos1.Ctl;

/// <summary>What fos1ctl's exit code tells a script; the same meaning for every command.</summary>
public static class ExitCodes
{
    /// <summary>Ready, no drift, configuration valid, done.</summary>
    public const int Success = 0;

    /// <summary>The sidecar is not ready (status), or DNS does not match the leases (plan, resync).</summary>
    public const int Attention = 1;

    /// <summary>The configuration (or the command line) is invalid.</summary>
    public const int BadConfiguration = 2;

    /// <summary>The sidecar, Kea or a DNS server could not be reached or gave no usable answer.</summary>
    public const int Unreachable = 3;
}
