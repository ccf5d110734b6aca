using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Sidecars;

/// <summary>Finds the built fos1-kea-sidecar.dll: beside the caller, or in the repository's build output.</summary>
public static class KeaSidecarBinary
{
    public const string FileName = "fos1-kea-sidecar.dll";

    public static string Locate() => SidecarBinary.Locate("Fos1.Sidecars.Kea", FileName);
}

/// <summary>
/// Finds a built sidecar dll in its own project's build output (where its dependencies are exactly
/// its own), else beside the caller. A copy beside a caller that also references ASP.NET Core lacks
/// the Microsoft.Extensions assemblies the shared framework would give it.
/// </summary>
public static class SidecarBinary
{
    /// <summary>
    /// Turns the observability endpoint off (its default port, e.g. 9101, would collide between sidecars started side
    /// by side); a test wanting it passes <c>--Observability:HttpEndpoint=127.0.0.1:PORT</c> after it.
    /// </summary>
    public const string NoHttpEndpoint = "--Observability:HttpEndpoint=";

    /// <summary>
    /// The build to run: the environment variable named after the project (<c>FOS1_KEA_SIDECAR</c>, <c>FOS1_DNS_SIDECAR</c>,
    /// <c>FOS1_CONFIG_SIDECAR</c>) when set, e.g. a native AOT executable (docs/deploy.md), else the built dll.
    /// </summary>
    public static string Locate(string project, string fileName)
    {
        ArgumentNullException.ThrowIfNull(project);
        var variable = "FOS1_" + project[(project.LastIndexOf('.') + 1)..].ToUpperInvariant() + "_SIDECAR";
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? Path.GetFullPath(chosen) : throw new FileNotFoundException($"{variable}={chosen} does not exist", chosen);
        }

        return LocateBuilt(project, fileName);
    }

    /// <summary>
    /// How to start <paramref name="binary"/>: a .dll through the dotnet host, anything else (a native AOT executable)
    /// as the executable itself.
    /// </summary>
    public static (string Executable, IReadOnlyList<string> Arguments) Launch(string binary, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(binary);
        return binary.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? (Tool.Dotnet.Path, [binary, .. arguments])
            : (binary, [.. arguments]);
    }

    private static string LocateBuilt(string project, string fileName)
    {
        // Prefer the configuration the caller was built in, then any.
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        if (RepositoryRoot.TryFind() is { } root)
        {
            foreach (var candidate in new[] { configuration, configuration == "Release" ? "Debug" : "Release" })
            {
                var path = Path.Combine(root, "sidecars", project, "bin", candidate, "net10.0", fileName);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException(
                $"{fileName} is not built: run `dotnet build {Path.Combine(root, "sidecars", project)} -c {configuration}`");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, fileName);
        return File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new FileNotFoundException($"{fileName} not found beside {AppContext.BaseDirectory} and no Fos1.Sidecars.sln above it");
    }
}
