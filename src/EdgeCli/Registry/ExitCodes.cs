namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The exit statuses of the registry commands, stable so that scripts can branch on them
/// (listed in <c>edge --help</c> and this folder's README).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The registry refused the request (a 4xx answer): fixing the request or the resources may help.</summary>
    public const int Refused = 1;

    /// <summary>Bad arguments or unreadable input files; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The registry could not be reached, timed out or failed (5xx): retrying later may help.</summary>
    public const int Unavailable = 3;

    /// <summary>No registry URL or API key from the options, the environment or the config file.</summary>
    public const int NotLoggedIn = 4;

    /// <summary>The status for a registry answer: 2xx ok, 4xx refused, anything else unavailable.</summary>
    public static int ForStatus(int status) => status switch
    {
        >= 200 and < 300 => Ok,
        >= 400 and < 500 => Refused,
        _ => Unavailable,
    };

    /// <summary>For <c>edge --help</c>.</summary>
    public const string Help =
        "Exit status of the registry commands: 0 ok, 1 the registry refused the request (4xx), 2 usage error, " +
        "3 cannot reach the registry (network, timeout or 5xx), 4 not logged in (no registry URL or API key).";
}
