using System.Runtime.CompilerServices;
using System.Text;

namespace Fos1.Kea.Tests.Hooks;

/// <summary>
/// Spool files captured from real kea-dhcp4/kea-dhcp6 2.2 running the shipped hook script under perfdhcp
/// (Fixtures/*.event), and variations of them for hook points perfdhcp cannot trigger (decline, recover).
/// </summary>
internal static class HookFixtures
{
    public static string Directory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Fixtures");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory(), name));

    public static IReadOnlyList<KeyValuePair<string, string>> Entries(byte[] file) =>
        Encoding.UTF8.GetString(file).TrimEnd('\0').Split('\0')
            .Select(entry => entry.Split('=', 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))
            .ToList();

    /// <summary>A captured file with some variables replaced, added (value non-null) or removed (value null).</summary>
    public static byte[] Edit(string name, params (string Name, string? Value)[] changes)
    {
        var entries = Entries(Read(name)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var (variable, value) in changes)
        {
            if (value is null)
            {
                entries.Remove(variable);
            }
            else
            {
                entries[variable] = value;
            }
        }

        return Build(entries);
    }

    public static byte[] Build(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in entries)
        {
            text.Append(name).Append('=').Append(value).Append('\0');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
