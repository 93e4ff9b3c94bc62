using System.CommandLine;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge layers …</c>: publish a layer version (and share it), list the layers the account may use.</summary>
internal static class LayersCommand
{
    public static Command Create(RegistryOptions registry) =>
        registry.Group("layers", "Publish and list layers (shared node_modules for functions).",
            PublishCommand(registry), ListCommand(registry));

    private static Command PublishCommand(RegistryOptions registry)
    {
        var name = new Argument<string>("name") { Description = "The layer's name" };
        var source = new Argument<string>("zip-or-dir") { Description = "A zip, or a folder to zip (holding nodejs/node_modules/…; dotfiles are left out)" };
        var description = new Option<string?>("--description") { Description = "What this version holds" };
        var isPublic = new Option<bool>("--public") { Description = "Let every account use this version" };
        var share = new Option<string[]>("--share") { Description = "Let this account (12-digit id) use this version; repeatable", Arity = ArgumentArity.OneOrMore, HelpName = "ACCOUNT" };
        var command = new Command("publish", "Publish a new version of a layer.") { name, source, description, isPublic, share };
        command.Validators.Add(result =>
        {
            if (result.GetValue(isPublic) && result.GetResult(share) is not null)
            {
                result.AddError("--public and --share exclude each other: a public version is shared with every account");
            }
        });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var errors = new List<string>();
            await using var package = await CodePackage.OpenAsync(parse.GetValue(source)!, null, errors, cancellationToken);
            if (package is null)
            {
                return context.Output.Usage(errors);
            }
            var layer = parse.GetValue(name)!;
            var path = RegistryClient.Path("layers", layer, "versions");
            if (parse.GetValue(description) is { } text)
            {
                path += "?description=" + Uri.EscapeDataString(text);
            }
            var published = await package.UploadAsync(context.Client, HttpMethod.Post, path, $"uploading layer {layer}", cancellationToken);
            if (!published.IsSuccess)
            {
                return context.Output.Failed(published);
            }
            var permission = Permission(parse.GetValue(isPublic), parse.GetValue(share));
            if (permission is not null)
            {
                var version = JsonText.Of(published.Body?["version"]);
                var shared = await context.Client.SendJsonAsync(HttpMethod.Put, RegistryClient.Path("layers", layer, "versions", version, "permission"),
                    permission, cancellationToken);
                if (!shared.IsSuccess)
                {
                    context.Output.Note($"published version {version}, but sharing it failed:");
                    return context.Output.Failed(shared);
                }
                published = shared.Body is null ? published : shared;
            }
            return context.Output.Answer(published, (w, version) => w.WriteLine(
                $"published {JsonText.Of(version?["arn"])} ({JsonText.Of(version?["codeSize"])} bytes, {JsonText.Of(version?["visibility"])})"));
        });
        return command;
    }

    /// <summary>The permission body for the flags; null when the version stays private.</summary>
    private static JsonObject? Permission(bool isPublic, string[]? accounts) =>
        isPublic ? new JsonObject { ["visibility"] = "public" }
        : accounts is { Length: > 0 } ? new JsonObject { ["visibility"] = "accounts", ["accounts"] = new JsonArray([.. accounts.Select(a => JsonValue.Create(a))]) }
        : null;

    private static Command ListCommand(RegistryOptions registry)
    {
        var command = new Command("list", "List the newest version of each layer the account owns or may use.");
        registry.SetAction(command, (_, context, cancellationToken) => context.ListAsync(RegistryClient.Path("layers"), "layers", new TextTable()
            .Column("NAME", "name").Column("VERSION", "version").Column("VISIBILITY", "visibility").Column("CODE SIZE", "codeSize")
            .Column("ARN", "arn"), "no layers", cancellationToken));
        return command;
    }
}
