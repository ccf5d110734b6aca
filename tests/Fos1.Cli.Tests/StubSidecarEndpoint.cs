using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fos1.Ctl.Tests;

/// <summary>A loopback HTTP server answering each path with a fixed status code and body, as the sidecar's endpoint would.</summary>
internal sealed class StubSidecarEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, string Body)> _answers;
    private readonly Task _serving;

    public StubSidecarEndpoint(Dictionary<string, (int Status, string Body)> answers)
    {
        _answers = answers;
        Port = FreeTcpPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public List<string> Requests { get; } = [];

    public static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var key = $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}";
            lock (Requests)
            {
                Requests.Add(key);
            }

            var (status, body) = _answers.TryGetValue(key, out var answer) ? answer : (404, "{\"error\":\"no such route\"}");
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
