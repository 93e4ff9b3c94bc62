using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge distributions …</c>: apply distributions from a file (create or replace), list them.</summary>
internal static class DistributionsCommand
{
    // Distribution files are written by hand, like the node's edge.json.
    private static readonly JsonDocumentOptions HandWritten = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Command Create(RegistryOptions registry) =>
        registry.Group("distributions", "Manage distributions: host names, origins, cache behaviours and their functions.",
            ApplyCommand(registry), ListCommand(registry));

    private static Command ApplyCommand(RegistryOptions registry)
    {
        var file = new Argument<FileInfo>("file") { Description = "A distribution object (with its id), or {\"distributions\":[…]}" }.AcceptExistingOnly();
        var command = new Command("apply", "Create or replace each distribution in a file (PUT by id).") { file };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var errors = new List<string>();
            var distributions = await ReadAsync(parse.GetValue(file)!.FullName, errors, cancellationToken);
            if (distributions is null)
            {
                return context.Output.Usage(errors);
            }
            var applied = new JsonArray();
            var lines = new List<string>();
            foreach (var (id, distribution) in distributions)
            {
                var put = await context.Client.SendJsonAsync(HttpMethod.Put, RegistryClient.Path("distributions", id), distribution, cancellationToken);
                if (!put.IsSuccess)
                {
                    if (applied.Count > 0)
                    {
                        context.Output.Note($"applied {string.Join(", ", distributions.Take(applied.Count).Select(d => d.Id))} before {id} failed:");
                    }
                    return context.Output.Failed(put);
                }
                applied.Add(put.Body);
                lines.Add($"{(put.Status == 201 ? "created" : "updated")} {id} ({JsonText.Of(put.Body?["domainName"])})");
            }
            return context.Output.Result(new JsonObject { ["distributions"] = applied }, w => lines.ForEach(w.WriteLine));
        });
        return command;
    }

    /// <summary>The file's distributions with their ids; null with every reason in <paramref name="errors"/>.</summary>
    private static async Task<List<(string Id, JsonObject Distribution)>?> ReadAsync(string path, List<string> errors, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken), documentOptions: HandWritten);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            errors.Add($"{path}: {ex.Message}");
            return null;
        }
        JsonNode?[] items = root switch
        {
            JsonObject wrapper when wrapper["distributions"] is JsonArray list => [.. list],
            JsonObject single => [single],
            _ => [],
        };
        if (items.Length == 0)
        {
            errors.Add($"{path}: neither a distribution object nor {{\"distributions\":[…]}} with at least one");
            return null;
        }
        var distributions = new List<(string, JsonObject)>();
        for (var i = 0; i < items.Length; i++)
        {
            // The id is the PUT's address: without one, applying the file twice would create two distributions.
            if (items[i] is JsonObject distribution && distribution["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
            {
                distributions.Add((id.GetValue<string>(), distribution));
            }
            else
            {
                errors.Add($"{path}: distribution {i + 1} is not an object with an \"id\" (e.g. \"E2QWRUHEXAMPLE\")");
            }
        }
        return errors.Count == 0 ? distributions : null;
    }

    private static Command ListCommand(RegistryOptions registry)
    {
        var command = new Command("list", "List the account's distributions.");
        registry.SetAction(command, (_, context, cancellationToken) => context.ListAsync(RegistryClient.Path("distributions"), "distributions", new TextTable()
            .Column("ID", "id").Column("DOMAIN NAME", "domainName").Column("ALIASES", "aliases").Column("DEVELOPMENT", "development")
            .Column("BEHAVIORS", d => d["cacheBehaviors"] is JsonArray behaviors ? string.Join(" ", behaviors.Select(b => JsonText.Of(b?["pathPattern"]))) : "-"),
            "no distributions", cancellationToken));
        return command;
    }
}
