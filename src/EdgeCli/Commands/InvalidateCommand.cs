using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Invalidation;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary>
/// <c>edge invalidate PATH...</c>: asks a running node's admin API (<c>POST /invalidations</c>) to
/// remove stored responses, and prints its JSON answer. Exit 0 when the node did, 1 when it refused
/// or could not be reached, 2 for bad arguments.
/// </summary>
internal static class InvalidateCommand
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Paths to invalidate, each starting with '/'; a trailing '*' matches every path with that prefix (quote it in the shell)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var adminUrl = new Option<string?>("--admin-url") { Description = $"The node's admin API (default: ${AdminTarget.UrlVariable}, else Admin.Urls in the config file)" };
        var token = new Option<string?>("--token") { Description = $"The admin bearer token (default: ${AdminTarget.TokenVariable}, else Admin.Token in the config file)" };
        var distribution = new Option<string?>("--distribution") { Description = "Invalidate in this distribution only (default: every distribution on the node)" };
        var config = new Option<string>("--config") { Description = "The node's edge.json, read for what the options and environment leave out", DefaultValueFactory = _ => "config/edge.json" };
        var command = new Command("invalidate", "Remove stored responses from a running edge node's cache, by path or wildcard.")
        {
            paths, adminUrl, token, distribution, config,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(paths) ?? [], parse.GetValue(adminUrl), parse.GetValue(token),
            parse.GetValue(distribution), parse.GetValue(config)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? adminUrl, string? token, string? distributionId, string configPath,
        CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (paths.Length == 0)
        {
            errors.Add("no paths: give at least one, e.g. edge invalidate '/index.html' '/images/*'");
        }
        var bad = paths.Where(p => !p.StartsWith('/')).ToList();
        if (bad.Count > 0)
        {
            errors.Add($"each path must start with '/': {string.Join(", ", bad.Select(b => $"'{b}'"))}");
        }
        var target = AdminTarget.Resolve(adminUrl, token, configPath, errors);
        if (errors.Count > 0 || target is null)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine("edge invalidate: " + error);
            }
            return 2;
        }

        var body = new JsonObject { ["paths"] = new JsonArray(paths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) };
        if (distributionId is not null)
        {
            body["distributionId"] = distributionId;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Endpoint) { Content = JsonContent.Create(body) };
        if (target.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        }
        using var client = new HttpClient { Timeout = Timeout };
        HttpResponseMessage response;
        string answer;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
            answer = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return Fail($"cannot reach the admin API at {target.Endpoint} (from {target.UrlSource}): {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"the admin API at {target.Endpoint} (from {target.UrlSource}) did not answer within {Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var message = $"{target.Endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}{Problem(answer)}";
                if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && target.Token is null)
                {
                    message += $" (no token was found: give --token, set {AdminTarget.TokenVariable}, or point --config at the node's edge.json)";
                }
                return Fail(message);
            }
        }
        Console.Out.WriteLine(Format(answer));
        return 0;
    }

    /// <summary>": title: detail" from a problem+json body, or the body itself when it is something else.</summary>
    private static string Problem(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }
        try
        {
            if (JsonNode.Parse(body) is JsonObject problem)
            {
                var parts = new[] { problem["title"], problem["detail"] }
                    .Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
                    .Where(s => !string.IsNullOrWhiteSpace(s))
                    .ToList();
                if (parts.Count > 0)
                {
                    return ": " + string.Join(": ", parts);
                }
            }
        }
        catch (JsonException)
        {
        }
        var text = body.Trim();
        return ": " + (text.Length > 500 ? text[..500] + "…" : text);
    }

    private static string Format(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?.ToJsonString(Pretty) ?? answer;
        }
        catch (JsonException)
        {
            return answer;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("edge invalidate: " + message);
        return 1;
    }
}
