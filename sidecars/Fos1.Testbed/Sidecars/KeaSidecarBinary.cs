namespace Fos1.Testbed.Sidecars;

/// <summary>Finds the built fos1-kea-sidecar.dll: beside the caller, or in the repository's build output.</summary>
public static class KeaSidecarBinary
{
    public const string FileName = "fos1-kea-sidecar.dll";

    public static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // Prefer the configuration the caller was built in, then any.
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Fos1.Sidecars.sln")))
            {
                continue;
            }

            foreach (var candidate in new[] { configuration, configuration == "Release" ? "Debug" : "Release" })
            {
                var path = Path.Combine(dir.FullName, "sidecars", "Fos1.Sidecars.Kea", "bin", candidate, "net10.0", FileName);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException(
                $"{FileName} is not built: run `dotnet build {Path.Combine(dir.FullName, "sidecars", "Fos1.Sidecars.Kea")} -c {configuration}`");
        }

        throw new FileNotFoundException($"{FileName} not found beside {AppContext.BaseDirectory} and no Fos1.Sidecars.sln above it");
    }
}
