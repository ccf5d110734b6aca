namespace Fos1.Mdns.Rendering;

/// <summary>avahi's <c>enable-dbus</c>: yes, no, or warn (start even when the system bus is unreachable).</summary>
public enum AvahiDbus
{
    No,
    Yes,
    Warn,
}
