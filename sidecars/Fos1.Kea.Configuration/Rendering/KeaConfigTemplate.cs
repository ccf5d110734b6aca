using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// A kea-config/ template (<c>kea-dhcp4.conf</c> / <c>kea-dhcp6.conf</c>): Kea's JSON with <c>//</c> and
/// <c>/* */</c> comments. Everything in it except the subnets is kept when rendering: hooks, control socket,
/// lease database, loggers, global defaults.
/// </summary>
public sealed class KeaConfigTemplate
{
    private static readonly JsonDocumentOptions Comments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly JsonObject _body;

    private KeaConfigTemplate(int family, JsonObject body)
    {
        Family = family;
        _body = body;
    }

    /// <summary>4 (a <c>Dhcp4</c> template) or 6 (<c>Dhcp6</c>).</summary>
    public int Family { get; }

    /// <summary>The top-level key: <c>Dhcp4</c> or <c>Dhcp6</c>.</summary>
    public string RootName => Family == 6 ? "Dhcp6" : "Dhcp4";

    /// <summary>A copy of the object inside <see cref="RootName"/>, free to change.</summary>
    public JsonObject CopyBody() => (JsonObject)_body.DeepClone();

    /// <exception cref="FormatException">The text is not JSON or holds neither a Dhcp4 nor a Dhcp6 object.</exception>
    public static KeaConfigTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Comments);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The Kea template is not JSON: {e.Message}", e);
        }

        return root switch
        {
            JsonObject o when o["Dhcp4"] is JsonObject body => new KeaConfigTemplate(4, (JsonObject)body.DeepClone()),
            JsonObject o when o["Dhcp6"] is JsonObject body => new KeaConfigTemplate(6, (JsonObject)body.DeepClone()),
            _ => throw new FormatException("The Kea template holds no \"Dhcp4\" or \"Dhcp6\" object"),
        };
    }

    public static async Task<KeaConfigTemplate> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
