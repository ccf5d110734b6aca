using System.Text.Json.Nodes;

namespace Fos1.Testbed.Tests.Kubernetes;

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject resource, Action<JsonObject> change)
    {
        change(resource);
        return resource;
    }
}
