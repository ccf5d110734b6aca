using System.Text;
using CsCheck;

namespace Fos1.Kea.Tests;

/// <summary>Byte-level mutations of a valid input: the fuzzers' way of reaching the parsers' edge cases.</summary>
internal static class Mutation
{
    // Tokens that break JSON, CSV and env -0 framing in interesting ways.
    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), ","u8.ToArray(), "\0"u8.ToArray(), "="u8.ToArray(),
        "-1"u8.ToArray(), "99999999999999999999999"u8.ToArray(), "null"u8.ToArray(), "\\u0000"u8.ToArray(), "\n"u8.ToArray(),
        "1e400"u8.ToArray(), "&#x2c"u8.ToArray(), [0xFF, 0xFE], [0xC3], "ff:ff:ff"u8.ToArray(), "::"u8.ToArray(),
    ];

    private static readonly Gen<(int Kind, int Position, byte Value, int Token)> Edit =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, Tokens.Length - 1]);

    /// <summary>One to eight edits (replace, delete, insert a byte, insert a token, truncate) of <paramref name="valid"/>.</summary>
    public static Gen<byte[]> Of(byte[] valid) => Edit.Array[1, 8].Select(edits => Apply(valid, edits));

    /// <summary>Mutations of any of <paramref name="valid"/>.</summary>
    public static Gen<byte[]> OfAny(params byte[][] valid) => Gen.Int[0, valid.Length - 1].SelectMany(i => Of(valid[i]));

    public static Gen<string> OfText(string valid) => Of(Encoding.UTF8.GetBytes(valid)).Select(b => Encoding.UTF8.GetString(b));

    private static byte[] Apply(byte[] valid, (int Kind, int Position, byte Value, int Token)[] edits)
    {
        var bytes = valid.ToList();
        foreach (var (kind, position, value, token) in edits)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, value);
                    break;
                case 3:
                    bytes.InsertRange(at, Tokens[token]);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
