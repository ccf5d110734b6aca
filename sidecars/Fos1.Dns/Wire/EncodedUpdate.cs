using Fos1.Dns.Tsig;

namespace Fos1.Dns.Wire;

/// <summary>
/// An UPDATE message ready to send, with what is needed to check its response: the transaction id
/// and, when signed, the key and the request MAC (which the response MAC covers, RFC 8945 5.3).
/// </summary>
public sealed class EncodedUpdate
{
    internal EncodedUpdate(ushort transactionId, byte[] message, TsigKey? key, byte[] requestMac)
    {
        TransactionId = transactionId;
        Message = message;
        Key = key;
        RequestMac = requestMac;
    }

    public ushort TransactionId { get; }

    public ReadOnlyMemory<byte> Message { get; }

    public TsigKey? Key { get; }

    /// <summary>Empty when the message is unsigned.</summary>
    public ReadOnlyMemory<byte> RequestMac { get; }
}
