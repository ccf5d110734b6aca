using System.Net;

namespace Fos1.AdGuard.Api;

/// <summary>AdGuard Home answered with an error status; <see cref="ErrorText"/> is its own (plain-text) message.</summary>
public sealed class AdGuardApiException : Exception
{
    public AdGuardApiException()
    {
    }

    public AdGuardApiException(string message)
        : base(message)
    {
    }

    public AdGuardApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AdGuardApiException(string endpoint, HttpStatusCode status, string errorText)
        : base($"{endpoint}: {(int)status} {Describe(status)}: {errorText}")
    {
        Endpoint = endpoint;
        StatusCode = status;
        ErrorText = errorText;
    }

    public string Endpoint { get; } = "";

    public HttpStatusCode StatusCode { get; }

    public string ErrorText { get; } = "";

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "rejected",
        HttpStatusCode.Unauthorized => "bad credentials (check the admin user/password Secret)",
        HttpStatusCode.Forbidden => "forbidden (the AdGuard user may not use the API, or login is rate-limited)",
        HttpStatusCode.InternalServerError => "AdGuard Home failed",
        _ => status.ToString(),
    };
}
