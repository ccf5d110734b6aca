using System.Globalization;
using System.Text;

namespace Fos1.Bench.Footprint.Measuring;

/// <summary>
/// Where a process's resident memory sits, from /proc/PID/smaps: file-backed pages per kind of image (runtime
/// libraries, framework and application assemblies, other native libraries) and anonymous pages by protection
/// (rw = GC heap, loader heaps, malloc; rwx/r-x = JIT'd code and stubs), plus [heap] and the thread stacks.
/// The GC's own figure (committed bytes) comes from the sidecar's /metrics, see <see cref="RuntimeFigures"/>.
/// </summary>
public sealed record MemoryBreakdown(IReadOnlyList<(string Part, double RssMib, double PrivateMib)> Parts, int Threads)
{
    public static MemoryBreakdown Read(int pid)
    {
        var sums = new Dictionary<string, (long Rss, long Private)>(StringComparer.Ordinal);
        var id = pid.ToString(CultureInfo.InvariantCulture);
        string? part = null;
        long privateKib = 0;
        foreach (var line in File.ReadLines($"/proc/{id}/smaps"))
        {
            if (IsMappingHeader(line))
            {
                part = Classify(line);
                continue;
            }

            if (part is null)
            {
                continue;
            }

            if (line.StartsWith("Private_Clean:", StringComparison.Ordinal) || line.StartsWith("Private_Dirty:", StringComparison.Ordinal))
            {
                privateKib += Kib(line);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kib = Kib(line);
                sums[part] = sums.TryGetValue(part, out var sum) ? (sum.Rss + kib, sum.Private) : (kib, 0);
            }
            else if (line.StartsWith("Swap:", StringComparison.Ordinal))
            {
                // Private_* come before Swap: in smaps; fold them into the current part here.
                var sum = sums[part];
                sums[part] = (sum.Rss, sum.Private + privateKib);
                privateKib = 0;
            }
        }

        var threads = Directory.GetDirectories($"/proc/{id}/task").Length;
        return new MemoryBreakdown(
            [.. sums.OrderByDescending(s => s.Value.Rss).Select(s => (s.Key, s.Value.Rss / 1024.0, s.Value.Private / 1024.0))],
            threads);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  threads: {Threads}");
        text.AppendLine("  | part | RSS MiB | private MiB |");
        text.AppendLine("  |---|--:|--:|");
        foreach (var group in Parts.GroupBy(p => p.RssMib >= 0.4 ? p.Part : SmallGroup(p.Part)).OrderByDescending(g => g.Sum(p => p.RssMib)))
        {
            var rss = group.Sum(p => p.RssMib);
            var own = group.Sum(p => p.PrivateMib);
            var name = group.Count() == 1 ? group.Key : $"{group.Key} ({group.Count()})";
            text.AppendLine(CultureInfo.InvariantCulture, $"  | {name} | {rss:0.0} | {own:0.0} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  | total | {Parts.Sum(p => p.RssMib):0.0} | {Parts.Sum(p => p.PrivateMib):0.0} |");
        return text.ToString();
    }

    private static string SmallGroup(string part) =>
        part.StartsWith("NETCore: ", StringComparison.Ordinal) ? "NETCore: other dlls"
        : part.StartsWith("ASP.NET Core: ", StringComparison.Ordinal) ? "ASP.NET Core: other dlls"
        : "other mappings";

    // "7f0000000000-7f0000001000 rw-p 00000000 00:00 0   [path]": an address range, then permissions.
    private static bool IsMappingHeader(string line)
    {
        var range = line.Split(' ', 2)[0];
        return range.Contains('-', StringComparison.Ordinal) && range.All(c => Uri.IsHexDigit(c) || c == '-');
    }

    private static string Classify(string header)
    {
        var fields = header.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var permissions = fields[1];
        var path = fields.Length > 5 ? fields[5].Trim() : "";
        if (path.Length == 0 || path.StartsWith("[anon", StringComparison.Ordinal))
        {
            return permissions.Contains('x', StringComparison.Ordinal) ? "anonymous executable (JIT code, stubs)" : $"anonymous {permissions[..3]}";
        }

        if (path.StartsWith('['))
        {
            return path.StartsWith("[stack", StringComparison.Ordinal) ? "[stack]" : path;
        }

        if (path.StartsWith("/memfd:doublemapper", StringComparison.Ordinal))
        {
            return "doublemapper (JIT code, W^X)";
        }

        var file = Path.GetFileName(path);
        if (file.StartsWith("libcoreclr", StringComparison.Ordinal) || file.StartsWith("libclrjit", StringComparison.Ordinal))
        {
            return file;
        }

        if (file.EndsWith(".so", StringComparison.Ordinal) || file.Contains(".so.", StringComparison.Ordinal))
        {
            return path.Contains("/dotnet/", StringComparison.Ordinal) ? "other runtime .so" : $"native {file}";
        }

        if (file.EndsWith(".dll", StringComparison.Ordinal))
        {
            return file == "System.Private.CoreLib.dll" ? file
                : path.Contains("/shared/Microsoft.AspNetCore.App/", StringComparison.Ordinal) ? "ASP.NET Core: " + file
                : path.Contains("/shared/Microsoft.NETCore.App/", StringComparison.Ordinal) ? "NETCore: " + file
                : file.StartsWith("KubernetesClient", StringComparison.Ordinal) ? file
                : file.StartsWith("Fos1", StringComparison.Ordinal) || file.StartsWith("fos1", StringComparison.Ordinal) ? "Fos1 dlls"
                : "package dlls (" + file + ")";
        }

        return "file " + file;
    }

    private static long Kib(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
