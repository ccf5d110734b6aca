namespace Fos1.Corefile.Model;

/// <summary>How CoreDNS gets a zone from the dns sidecar.</summary>
public enum PublishMode
{
    /// <summary><c>grpc</c> plugin: every query goes to the sidecar's in-memory bridge (no delay).</summary>
    Grpc,

    /// <summary><c>secondary</c> plugin: CoreDNS transfers the zone by AXFR after NOTIFY.</summary>
    Secondary,

    /// <summary><c>file</c> plugin: CoreDNS reads the zone file the sidecar writes, every reload interval.</summary>
    File,
}
