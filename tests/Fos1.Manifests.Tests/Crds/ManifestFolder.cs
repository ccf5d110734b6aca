namespace Fos1.Manifests.Tests.Crds;

internal static class ManifestFolder
{
    public static string Root { get; } = Find();

    public static string Crds => Path.Combine(Root, "manifests", "crds");

    public static string Examples => Path.Combine(Root, "manifests", "examples");

    public static IEnumerable<string> ExampleFiles =>
        Directory.EnumerateFiles(Examples, "*.yaml").Order(StringComparer.Ordinal);

    public static IEnumerable<string> CrdFiles =>
        Directory.EnumerateFiles(Crds, "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fos1.Sidecars.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Fos1.Sidecars.sln not found above " + AppContext.BaseDirectory);
    }
}
