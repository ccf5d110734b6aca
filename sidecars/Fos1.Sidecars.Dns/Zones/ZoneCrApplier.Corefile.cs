using System.Text;
using Fos1.Corefile;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Services;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>The Corefile for the configured zones plus the resource zones, written only when its text changes.</summary>
public sealed partial class ZoneCrApplier
{
    /// <summary>The Corefile from the sidecar's options (null when <see cref="CorefileOptions.Path"/> is empty).</summary>
    public static Func<IReadOnlyList<DesiredZone>, (string Path, string Text)?> CorefileFrom(CorefileOptions corefile, DnsSidecarOptions sidecar)
    {
        ArgumentNullException.ThrowIfNull(corefile);
        ArgumentNullException.ThrowIfNull(sidecar);
        if (!corefile.Enabled)
        {
            return _ => null;
        }

        var renderer = new CorefileRenderer(corefile.LoadTemplates());
        return zones => (Path.GetFullPath(corefile.Path!), renderer.Render(corefile.ToSpec(sidecar, zones)));
    }

    private string? WriteCorefile(List<DesiredZone> zones)
    {
        try
        {
            if (_corefile(zones) is { } corefile && CorefileWriterService.WriteIfChanged(corefile.Path, Utf8.GetBytes(corefile.Text)))
            {
                LogCorefile(_logger, corefile.Path, zones.Count);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Fos1.Corefile.Validation.InvalidCorefileSpecException)
        {
            LogCorefileFailed(_logger, e);
            return "the Corefile could not be written: " + e.Message;
        }
    }
}
