using System.Collections.Concurrent;
using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>
/// <c>kubectl kustomize DIR</c>, run once per directory and shared by every test. kubectl (with its built-in
/// kustomize) is the tool users apply the manifests with, so it is the renderer under test, not a stand-in.
/// </summary>
internal static class KustomizeBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Renders = new(StringComparer.Ordinal);

    public static Task<string> RenderAsync(Kustomization kustomization) =>
        Renders.GetOrAdd(kustomization.Path, _ => new Lazy<Task<string>>(() => RunAsync(kustomization.Directory))).Value;

    private static async Task<string> RunAsync(string directory)
    {
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap("kubectl")
                .WithArguments(["kustomize", directory])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "kubectl is not installed (it renders the manifests with its built-in kustomize): install kubectl >= 1.32 " +
                "(https://kubernetes.io/docs/tasks/tools/, Debian package kubectl from pkgs.k8s.io).", e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed (exit {result.ExitCode}):{Environment.NewLine}{result.StandardError}");
        }

        return result.StandardOutput;
    }
}
