namespace Fos1.Sidecars.Config.Configuration;

/// <summary>What the process was started to do (the first command-line argument).</summary>
public enum SidecarMode
{
    /// <summary>Long-running: AdGuard Home and/or avahi follow the custom resources.</summary>
    Run,

    /// <summary><c>init-adguard</c>: write the cold-start AdGuardHome.yaml once and exit (an initContainer).</summary>
    InitAdGuard,
}
