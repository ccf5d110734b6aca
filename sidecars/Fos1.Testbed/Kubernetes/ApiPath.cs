namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// A resource URL taken apart: <c>/apis/{group}/{version}/[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>,
/// or <c>/api/v1/...</c> for the core group.
/// </summary>
internal sealed record ApiPath(
    string Group, string Version, string? Namespace, string Plural, string? Name, string? Subresource)
{
    public bool IsCollection => Name is null;

    public static ApiPath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/');
        string group;
        int rest;
        if (segments.Length >= 3 && segments[0] == "apis")
        {
            group = segments[1];
            rest = 3;
        }
        else if (segments.Length >= 2 && segments[0] == "api")
        {
            group = "";
            rest = 2;
        }
        else
        {
            return null;
        }

        var version = segments[rest - 1];
        var tail = segments[rest..];
        string? ns = null;
        if (tail.Length >= 3 && tail[0] == "namespaces")
        {
            ns = Uri.UnescapeDataString(tail[1]);
            tail = tail[2..];
        }

        if (tail.Length is 0 or > 3 || tail.Any(s => s.Length == 0))
        {
            return null;
        }

        return new ApiPath(
            group,
            version,
            ns,
            tail[0],
            tail.Length > 1 ? Uri.UnescapeDataString(tail[1]) : null,
            tail.Length > 2 ? tail[2] : null);
    }
}
