using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// How one request to the registry went: its status and JSON body, its problem when refused, or
/// why no answer came. Failures are values here, not exceptions: every command reports them the
/// same way (<see cref="CommandOutput.Failed"/>).
/// </summary>
internal sealed record RegistryResponse
{
    /// <summary>The HTTP status; 0 when no answer came.</summary>
    public int Status { get; init; }

    /// <summary>The body of a successful answer; null for 204 and for failures.</summary>
    public JsonNode? Body { get; init; }

    public RegistryProblem? Problem { get; init; }

    /// <summary>The reason phrase, or why no (usable) answer came.</summary>
    public string? Reason { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public int ExitCode => Status == 0 ? ExitCodes.Unavailable : ExitCodes.ForStatus(Status);

    /// <summary>No answer: the registry could not be reached or did not answer in time.</summary>
    public static RegistryResponse Unreachable(string reason) => new() { Reason = reason };

    /// <summary>An answer, parsed: JSON when successful, a problem when not.</summary>
    public static RegistryResponse FromAnswer(int status, string? reasonPhrase, string body)
    {
        if (status is < 200 or >= 300)
        {
            return new RegistryResponse { Status = status, Reason = reasonPhrase, Problem = RegistryProblem.Read(body) };
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            return new RegistryResponse { Status = status, Reason = reasonPhrase };
        }
        try
        {
            return new RegistryResponse { Status = status, Reason = reasonPhrase, Body = JsonNode.Parse(body) };
        }
        catch (JsonException ex)
        {
            // A success without the JSON the contract promises: something else (a proxy, a wrong URL) answered.
            return new RegistryResponse { Reason = $"answered {status} with a body that is not JSON ({ex.Message}); is the URL the registry's?" };
        }
    }
}
