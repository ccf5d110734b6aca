using System.Net.Http.Headers;

namespace Fos1.Kea.ControlSocket;

/// <summary>
/// The Kea Control Agent's HTTP API: <c>POST /</c> with <c>"service": [SERVICE]</c>; the agent forwards to the
/// daemon's socket and answers a list with one reply per service.
/// </summary>
public sealed class KeaControlAgentChannel : IKeaControlChannel
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string[] _services;
    private readonly int _maxReplyBytes;
    private readonly TimeSpan _timeout;

    public KeaControlAgentChannel(HttpClient http, Uri url, string service, int maxReplyBytes = 16 * 1024 * 1024, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(service);
        _http = http;
        _url = url;
        _services = [service];
        _maxReplyBytes = maxReplyBytes;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    public string Endpoint => $"{_url} ({_services[0]})";

    public async Task<KeaCommandResponse> SendAsync(KeaCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        byte[] reply;
        int status;
        try
        {
            using var content = new ByteArrayContent(command.ToUtf8Json(_services));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (response.Content.Headers.ContentLength > _maxReplyBytes)
            {
                throw new KeaControlException(
                    KeaControlFailure.ReplyTooLarge,
                    $"Kea's reply to '{command.Name}' from {Endpoint} announces {response.Content.Headers.ContentLength} bytes, more than {_maxReplyBytes}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            reply = await CappedReader.ReadToEndAsync(body, _maxReplyBytes, Endpoint, command.Name, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KeaControlException(KeaControlFailure.Timeout, $"The Kea Control Agent at {Endpoint} did not answer '{command.Name}' within {_timeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new KeaControlException(KeaControlFailure.Unreachable, $"The Kea Control Agent at {Endpoint} is unreachable for '{command.Name}': {e.Message}", e);
        }

        if (status is < 200 or > 299 && reply.Length == 0)
        {
            throw new KeaControlException(KeaControlFailure.CommandFailed, $"The Kea Control Agent at {Endpoint} answered '{command.Name}' with HTTP {status} and no body");
        }

        // The agent reports its own errors (e.g. "server is not responding") as a JSON reply, also on HTTP errors.
        return KeaReply.Parse(reply, Endpoint, command.Name);
    }
}
