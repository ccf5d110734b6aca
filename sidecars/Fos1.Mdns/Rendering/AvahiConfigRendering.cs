namespace Fos1.Mdns.Rendering;

/// <summary>
/// The rendered <c>avahi-daemon.conf</c> and one outcome per MDNSReflector given to the renderer.
/// <see cref="Effective"/> is the CR whose settings <see cref="Text"/> holds; null when none applies
/// (the text then keeps avahi running with reflection off).
/// </summary>
public sealed record AvahiConfigRendering(string Text, MdnsReflectorOutcome? Effective, IReadOnlyList<MdnsReflectorOutcome> Outcomes)
{
    /// <summary>True when the text has <c>enable-reflector=yes</c>.</summary>
    public bool Reflecting { get; init; }
}
