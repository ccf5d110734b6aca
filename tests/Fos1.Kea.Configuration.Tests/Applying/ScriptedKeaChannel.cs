using System.Text.Json.Nodes;
using Fos1.Kea.ControlSocket;

namespace Fos1.Kea.Configuration.Tests.Applying;

/// <summary>A control channel that answers from a script and records what was sent.</summary>
internal sealed class ScriptedKeaChannel : IKeaControlChannel
{
    private readonly Func<KeaCommand, KeaCommandResponse> _answer;

    public ScriptedKeaChannel(Func<KeaCommand, KeaCommandResponse> answer)
    {
        _answer = answer;
    }

    public string Endpoint => "unix:/scripted";

    public List<string> Sent { get; } = [];

    public JsonObject Running { get; set; } = new() { ["Dhcp4"] = new JsonObject { ["valid-lifetime"] = 7200 } };

    public static KeaCommandResponse Ok(JsonObject? arguments = null) => new(0, "ok", arguments);

    public Task<KeaCommandResponse> SendAsync(KeaCommand command, CancellationToken cancellationToken)
    {
        Sent.Add(command.Name);
        return Task.FromResult(_answer(command));
    }
}
