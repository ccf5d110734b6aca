using System.Globalization;

namespace Fos1.Mdns.Applying;

/// <summary>
/// avahi-daemon writes its pid to <c>/run/avahi-daemon/pid</c> (compiled in) and removes it on a clean exit.
/// In the pod that directory is an emptyDir shared by the avahi and sidecar containers.
/// </summary>
public static class AvahiPidFile
{
    public const string DefaultPath = "/run/avahi-daemon/pid";

    /// <summary>The pid written in <paramref name="path"/>, or null when the file is missing or not a pid.</summary>
    public static int? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }
}
