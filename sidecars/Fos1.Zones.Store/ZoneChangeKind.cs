namespace Fos1.Zones.Store;

/// <summary>What a <see cref="ZoneChange"/> reports.</summary>
public enum ZoneChangeKind
{
    /// <summary>An update made a new version durable.</summary>
    Changed,

    /// <summary>The zone joined the store at runtime (<see cref="ZoneStore.AddZoneAsync"/>).</summary>
    Added,

    /// <summary>The zone left the store (<see cref="ZoneStore.RemoveZoneAsync"/>): stop serving and notifying it.</summary>
    Removed,
}
