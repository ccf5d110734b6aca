using System.Net;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.DnsSidecar;

/// <summary>The real dns sidecar, started on an UPDATE port another process already holds.</summary>
public sealed class PortTakenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fos1-port-taken-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_update_port_already_in_use_is_named_and_the_sidecar_exits_1_instead_of_crashing()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = (IPEndPoint)holder.LocalEndpoint;
        var (executable, arguments) = SidecarBinary.Launch(SidecarBinary.Locate("Fos1.Sidecars.Dns", "fos1-dns-sidecar.dll"),
        [
            $"--DnsSidecar:StateDirectory={Path.Combine(_directory, "state")}",
            $"--DnsSidecar:UpdateEndpoint={taken}",
            "--DnsSidecar:GrpcEndpoint=",
            "--DnsSidecar:Zones:0:Name=home.arpa",
            "--Observability:HttpEndpoint=",
        ]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await Cli.Wrap(executable).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}; stderr: {result.StandardError}");
        Assert.Contains($"fos1-dns-sidecar: cannot listen: cannot bind the UPDATE server to udp+tcp/{taken}: Address already in use", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }
}
