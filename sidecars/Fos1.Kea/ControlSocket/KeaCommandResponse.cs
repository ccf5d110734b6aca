using System.Text.Json.Nodes;

namespace Fos1.Kea.ControlSocket;

/// <summary>Kea's answer to one command: <see cref="Result"/> 0 success, 1 error, 2 unsupported, 3 empty.</summary>
public sealed record KeaCommandResponse(int Result, string? Text, JsonObject? Arguments)
{
    public const int Success = 0;
    public const int Error = 1;
    public const int Unsupported = 2;
    public const int Empty = 3;

    /// <summary>The reply as received (empty when built by hand), for readers of large replies such as lease pages.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; init; }
}
