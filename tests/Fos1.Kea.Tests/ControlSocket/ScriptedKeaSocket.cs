using System.Net.Sockets;

namespace Fos1.Kea.Tests.ControlSocket;

/// <summary>A unix socket that answers every connection with fixed bytes and closes, as Kea does (but with any content).</summary>
internal sealed class ScriptedKeaSocket : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly string _directory = Directory.CreateTempSubdirectory("fos1-scripted-kea-").FullName;

    public ScriptedKeaSocket(Func<int, byte[]> reply)
    {
        Path = System.IO.Path.Combine(_directory, "control.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen();
        _serving = ServeAsync(reply);
    }

    public string Path { get; }

    public List<string> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task ServeAsync(Func<int, byte[]> reply)
    {
        for (var n = 0; ; n++)
        {
            using var connection = await _listener.AcceptAsync(_stop.Token);
            var buffer = new byte[65536];
            var read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            lock (Requests)
            {
                Requests.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
            }

            try
            {
                await connection.SendAsync(reply(n), SocketFlags.None, _stop.Token);
            }
            catch (SocketException)
            {
                // The client gave up reading (e.g. the size cap); the next connection is independent.
            }

            connection.Shutdown(SocketShutdown.Both);
        }
    }
}
