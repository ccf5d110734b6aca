using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kea;

/// <summary>A hook library for Kea's <c>hooks-libraries</c>, with optional <c>parameters</c>.</summary>
public sealed record KeaHookLibrary(string Library, JsonObject? Parameters = null)
{
    /// <summary>Where Debian's Kea packages install the hooks.</summary>
    public const string Directory = "/usr/lib/x86_64-linux-gnu/kea/hooks";

    /// <summary><c>libdhcp_lease_cmds.so</c>: lease4-get-all, lease4-get-page, lease4-del (with update-ddns) and friends.</summary>
    public static KeaHookLibrary LeaseCommands { get; } = FromDirectory("libdhcp_lease_cmds.so");

    /// <summary><c>libdhcp_run_script.so</c> running <paramref name="scriptPath"/> (absolute path: Kea gives it no PATH).</summary>
    public static KeaHookLibrary RunScript(string scriptPath, bool sync = false) =>
        FromDirectory("libdhcp_run_script.so", new JsonObject { ["name"] = scriptPath, ["sync"] = sync });

    public static KeaHookLibrary FromDirectory(string fileName, JsonObject? parameters = null) =>
        new(Path.Combine(Directory, fileName), parameters);

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["library"] = Library };
        if (Parameters is not null)
        {
            json["parameters"] = Parameters.DeepClone();
        }

        return json;
    }
}
