namespace Fos1.Mdns.Rendering;

/// <summary>What the renderer did with one MDNSReflector; the name is the Ready condition's reason.</summary>
public enum MdnsReflectorState
{
    /// <summary>Its settings are the rendered configuration.</summary>
    Applied,

    /// <summary>Its spec fails validation, or none of its interfaces exists on this node.</summary>
    Invalid,

    /// <summary>Another, older MDNSReflector is in effect: one avahi-daemon has one reflector configuration.</summary>
    Conflict,
}
