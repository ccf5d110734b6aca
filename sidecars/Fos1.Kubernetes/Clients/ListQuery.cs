using System.Globalization;

namespace Fos1.Kubernetes.Clients;

/// <summary>The query of one list page: <c>?continue=..&amp;limit=..</c> (KubernetesClient's order).</summary>
internal static class ListQuery
{
    public static string Of(int limit, string? continueToken)
    {
        var query = string.IsNullOrEmpty(continueToken) ? "?" : "?continue=" + Uri.EscapeDataString(continueToken) + "&";
        return query + "limit=" + limit.ToString(CultureInfo.InvariantCulture);
    }
}
