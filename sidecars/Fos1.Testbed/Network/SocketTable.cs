using System.Globalization;

namespace Fos1.Testbed.Network;

/// <summary>
/// Reads the kernel's socket tables (<c>/proc/PID/net/{tcp,udp}{,6}</c>). The tables of a process show the
/// sockets of that process's network namespace, which is how we see into a namespace without entering it.
/// </summary>
internal static class SocketTable
{
    private const string TcpListen = "0A";

    /// <summary>True when a UDP socket is bound or a TCP socket listens on <paramref name="port"/>.</summary>
    public static bool IsPortInUse(int port, string process = "self") =>
        UsedPorts(process, "udp").Contains(port) || ListeningTcpPorts(process).Contains(port);

    public static bool IsUdpBound(int port, string process = "self") => UsedPorts(process, "udp").Contains(port);

    public static bool IsTcpListening(int port, string process = "self") => ListeningTcpPorts(process).Contains(port);

    private static HashSet<int> UsedPorts(string process, string protocol) =>
        Rows(process, protocol).Select(row => row.Port).ToHashSet();

    private static HashSet<int> ListeningTcpPorts(string process) =>
        Rows(process, "tcp").Where(row => row.State == TcpListen).Select(row => row.Port).ToHashSet();

    private static IEnumerable<(int Port, string State)> Rows(string process, string protocol)
    {
        foreach (var file in new[] { protocol, protocol + "6" })
        {
            var path = $"/proc/{process}/net/{file}";
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (IOException)
            {
                continue; // The process is gone, or the kernel has no IPv6.
            }

            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4)
                {
                    continue;
                }

                var local = fields[1];
                var port = int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                yield return (port, fields[3]);
            }
        }
    }
}
