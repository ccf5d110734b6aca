using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Testbed.Tests.Sidecars;

public sealed class SidecarBinaryTests
{
    [Fact]
    public void A_dll_runs_through_the_dotnet_host_with_the_dll_first()
    {
        var (executable, arguments) = SidecarBinary.Launch("/opt/fos1/fos1-kea-sidecar.dll", ["--A=1", "--B=2"]);

        Assert.Equal(Tool.Dotnet.Path, executable);
        Assert.Equal(["/opt/fos1/fos1-kea-sidecar.dll", "--A=1", "--B=2"], arguments);
    }

    [Fact]
    public void A_native_executable_runs_directly_with_only_its_arguments()
    {
        var (executable, arguments) = SidecarBinary.Launch("/opt/fos1/fos1-kea-sidecar", ["--A=1"]);

        Assert.Equal("/opt/fos1/fos1-kea-sidecar", executable);
        Assert.Equal(["--A=1"], arguments);
    }
}
