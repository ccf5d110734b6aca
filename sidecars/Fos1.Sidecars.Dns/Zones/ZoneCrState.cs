namespace Fos1.Sidecars.Dns.Zones;

/// <summary>What became of one DNSZone/PTRZone (the Ready condition's reason).</summary>
public enum ZoneCrState
{
    /// <summary>The zone is served with the resource's records.</summary>
    Serving,

    /// <summary>The spec cannot be served (bad name, record, key...): nothing of it is in effect.</summary>
    Invalid,

    /// <summary>Another resource (older) or the sidecar's configuration already serves the apex.</summary>
    Conflict,

    /// <summary>Valid, but the store or the Corefile refused it (disk trouble...): retried on the next apply.</summary>
    Failed,
}
