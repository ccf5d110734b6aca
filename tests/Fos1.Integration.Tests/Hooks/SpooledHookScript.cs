using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using Fos1.Ddns.Leases;
using Fos1.Kea.Hooks;

namespace Fos1.Integration.Tests.Hooks;

/// <summary>
/// The shipped kea-config/hooks/fos1-lease-hook.sh copied into a temporary directory with SPOOL_DIR pointing at
/// a spool inside it, ready for <c>KeaHookLibrary.RunScript(Script)</c>. Disposing deletes both.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class SpooledHookScript : IDisposable
{
    private const string ShippedSpoolLine = "SPOOL_DIR=/var/lib/kea/fos1-spool\n";

    public SpooledHookScript()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fos1-hook-").FullName;
        var shipped = File.ReadAllText(ShippedPath());
        if (!shipped.Contains(ShippedSpoolLine, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{ShippedPath()} no longer has the line '{ShippedSpoolLine.Trim()}' this test rewrites");
        }

        File.WriteAllText(Script, shipped.Replace(ShippedSpoolLine, $"SPOOL_DIR={Spool}\n", StringComparison.Ordinal));
        File.SetUnixFileMode(Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    public string Script => Path.Combine(Directory, "fos1-lease-hook.sh");

    public string Spool => Path.Combine(Directory, "spool");

    /// <summary>The spooled files parsed, in name order, with each file's hook point.</summary>
    public IReadOnlyList<(string HookPoint, string QueryType, IReadOnlyList<LeaseEvent> Events)> Read()
    {
        if (!System.IO.Directory.Exists(Spool))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(Spool)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var bytes = File.ReadAllBytes(path);
                var result = HookEventParser.Parse(bytes, DateTimeOffset.UtcNow);
                if (!result.IsSuccess)
                {
                    throw new InvalidDataException($"{Path.GetFileName(path)}: {result.Error}");
                }

                var queryType = System.Text.Encoding.UTF8.GetString(bytes).Split('\0')
                    .FirstOrDefault(entry => entry.StartsWith("QUERY4_TYPE=", StringComparison.Ordinal) || entry.StartsWith("QUERY6_TYPE=", StringComparison.Ordinal))?
                    .Split('=', 2)[1] ?? "";
                return (result.HookPoint, queryType, result.Events);
            })
            .ToList();
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string ShippedPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "kea-config", "hooks", "fos1-lease-hook.sh"));
}
