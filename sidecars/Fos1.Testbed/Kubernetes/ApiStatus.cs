using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// A <c>metav1.Status</c> failure as kube-apiserver returns it: the client turns the HTTP code into an
/// <c>HttpOperationException</c> and a watch ERROR event whose object is a Status into <c>KubernetesException</c>.
/// </summary>
internal sealed record ApiStatus(int Code, string Reason, string Message)
{
    public static ApiStatus NotFound(string resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found");

    public static ApiStatus PathNotFound(string path) =>
        new(404, "NotFound", $"the server could not find the requested resource ({path})");

    public static ApiStatus AlreadyExists(string resource, string name) =>
        new(409, "AlreadyExists", $"{resource} \"{name}\" already exists");

    public static ApiStatus Conflict(string resource, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {resource} \"{name}\": the object has been modified; " +
            "please apply your changes to the latest version and try again");

    public static ApiStatus Expired(string message) => new(410, "Expired", message);

    public static ApiStatus BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiStatus Invalid(string message) => new(422, "Invalid", message);

    public static ApiStatus MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public static ApiStatus UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format ({contentType})");

    public JsonObject ToJson() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["code"] = Code,
    };
}
