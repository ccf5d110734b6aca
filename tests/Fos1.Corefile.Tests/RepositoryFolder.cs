namespace Fos1.Corefile.Tests;

internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    public static string CorefileTemplates => Path.Combine(Root, "corefile-templates");

    public static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name + ".Corefile");

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
