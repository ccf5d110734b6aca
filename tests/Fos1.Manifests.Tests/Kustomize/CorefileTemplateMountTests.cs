using Fos1.Corefile;
using Fos1.Corefile.Model;
using Fos1.Corefile.Templates;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>
/// The corefile-templates ConfigMap, as the dns sidecar sees it mounted (DnsSidecar:Corefile:TemplatesDirectory),
/// loads and renders: a broken template would stop the sidecar at start-up with exit code 2.
/// </summary>
public sealed class CorefileTemplateMountTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("fos1-corefile-templates-").FullName;

    public static TheoryData<string> DnsPaths => new(Kustomization.All.Where(k => k.IsDns).Select(k => k.Path));

    [Theory]
    [MemberData(nameof(DnsPaths))]
    public async Task The_mounted_templates_render_the_same_Corefile_as_the_built_in_ones_except_where_the_overlay_says(string path)
    {
        var templates = await MountAsync(path);
        var spec = new CorefileSpec { Upstreams = ["/etc/resolv.conf"], Zones = [ZoneBlock.Grpc("home.arpa", "127.0.0.1:5553"), ZoneBlock.Secondary("iot.home.arpa", ["127.0.0.1:8053"])] };

        var mounted = new CorefileRenderer(templates).Render(spec);
        var builtIn = new CorefileRenderer(CorefileTemplates.BuiltIn).Render(spec);

        var expected = path == "overlays/ha/dns"
            ? builtIn.Replace("        transfer from 127.0.0.1:8053\n    }\n", "        transfer from 127.0.0.1:8053\n    }\n    transfer {\n        to *\n    }\n", StringComparison.Ordinal)
            : builtIn;
        Assert.Equal(expected, mounted);
    }

    public void Dispose() => Directory.Delete(_mount, recursive: true);

    private async Task<CorefileTemplates> MountAsync(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var configMap = rendered.OfType<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("fos1-corefile-templates-", StringComparison.Ordinal));
        foreach (var (file, text) in configMap.Data)
        {
            await File.WriteAllTextAsync(Path.Combine(_mount, file), text);
        }

        return CorefileTemplates.FromDirectory(_mount);
    }
}
