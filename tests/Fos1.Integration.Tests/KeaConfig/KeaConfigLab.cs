using System.Text.Json.Nodes;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kea.ControlSocket;
using Fos1.Testbed;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Metrics;
using Fos1.Testbed.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Integration.Tests.KeaConfig;

/// <summary>
/// A real kea-dhcp4/6 in a DHCP lab, started from the shipped kea-config template rendered with the test's
/// first CRs; the Testbed's paths (control socket, lease file, data directory) and the lab's interface come in
/// through <see cref="KeaRenderOptions"/>, the template itself is used as shipped.
/// </summary>
internal sealed class KeaConfigLab : IAsyncDisposable
{
    private readonly TestMeterFactory _meters = new();

    private KeaConfigLab(DhcpLab lab, KeaDhcpServer kea, KeaConfigTemplate template, KeaRenderOptions options)
    {
        Lab = lab;
        Kea = kea;
        Template = template;
        Options = options;
        Channel = new KeaUnixSocketChannel(kea.ControlSocketPath);
        Applier = new KeaConfigApplier(Channel, new KeaConfigMetrics(_meters), NullLogger<KeaConfigApplier>.Instance);
    }

    public DhcpLab Lab { get; }

    public KeaDhcpServer Kea { get; }

    public KeaConfigTemplate Template { get; }

    public KeaRenderOptions Options { get; }

    public KeaUnixSocketChannel Channel { get; }

    public KeaConfigApplier Applier { get; }

    public static async Task<KeaConfigLab> StartAsync(int family, Func<KeaConfigTemplate, KeaRenderOptions, KeaConfigRendering> initial)
    {
        var file = family == 6 ? "kea-dhcp6.conf" : "kea-dhcp4.conf";
        var template = await KeaConfigTemplate.LoadAsync(Path.Combine(RepositoryRoot.Find(), "kea-config", file));
        var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        KeaRenderOptions? options = null;
        try
        {
            var keaOptions = new KeaDhcpOptions
            {
                Customize = body =>
                {
                    options = new KeaRenderOptions
                    {
                        ControlSocketPath = (string)body["control-socket"]!["socket-name"]!,
                        LeaseFile = (string)body["lease-database"]!["name"]!,
                        DataDirectory = (string?)body["data-directory"],
                        HookScriptPath = Path.Combine(RepositoryRoot.Find(), "kea-config", "hooks", "fos1-lease-hook.sh"),
                        DefaultInterfaces = [lab.ServerInterface],
                    };
                    var rendered = initial(template, options).Config[template.RootName]!.AsObject();
                    body.Clear();
                    foreach (var (name, value) in rendered)
                    {
                        body[name] = value!.DeepClone();
                    }
                },
            };
            KeaDhcpServer kea = family == 6 ? await KeaDhcp6Server.StartAsync(lab, keaOptions) : await KeaDhcp4Server.StartAsync(lab, keaOptions);
            return new KeaConfigLab(lab, kea, template, options!);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>What Kea runs now (<c>config-get</c>'s <c>Dhcp4</c>/<c>Dhcp6</c> object).</summary>
    public async Task<JsonObject> RunningAsync(IKeaControlChannel? channel = null)
    {
        var reply = await (channel ?? Channel).SendAsync(new KeaCommand("config-get"), CancellationToken.None);
        Assert.Equal(KeaCommandResponse.Success, reply.Result);
        return reply.Arguments![Template.RootName]!.AsObject();
    }

    /// <summary>Kea's subnets by subnet text, as config-get shows them.</summary>
    public async Task<Dictionary<string, JsonObject>> RunningSubnetsAsync(IKeaControlChannel? channel = null)
    {
        var running = await RunningAsync(channel);
        return running[Template.Family == 6 ? "subnet6" : "subnet4"]!.AsArray()
            .Select(subnet => subnet!.AsObject())
            .ToDictionary(subnet => (string)subnet["subnet"]!);
    }

    public async ValueTask DisposeAsync()
    {
        Applier.Dispose();
        await Kea.DisposeAsync();
        await Lab.DisposeAsync();
        _meters.Dispose();
    }
}
