using System.Text.Json.Nodes;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Tests.Support;
using Fos1.Testbed.Kubernetes;

namespace Fos1.Kubernetes.Tests.EndToEnd;

/// <summary>A TestApiServer serving widgets, with the real KubernetesClient pointed at it.</summary>
internal sealed class WidgetApi : IAsyncDisposable
{
    private WidgetApi(TestApiServer server)
    {
        Server = server;
        Client = server.CreateApi();
        Widgets = new CustomResourceClient<Widget>(Client, Widget.Resource);
    }

    public TestApiServer Server { get; }

    public KubernetesApi Client { get; }

    public CustomResourceClient<Widget> Widgets { get; }

    public static async Task<WidgetApi> StartAsync()
    {
        var server = await TestApiServer.StartAsync();
        server.Serve(Widget.Resource);
        return new WidgetApi(server);
    }

    public JsonObject Apply(string namespaceName, string name, string color) => Server.Apply(new JsonObject
    {
        ["apiVersion"] = Widget.Resource.ApiVersion,
        ["kind"] = Widget.Resource.Kind,
        ["metadata"] = new JsonObject { ["namespace"] = namespaceName, ["name"] = name },
        ["spec"] = new JsonObject { ["color"] = color },
    });

    public static string ResourceVersionOf(JsonObject stored) => stored["metadata"]!["resourceVersion"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
