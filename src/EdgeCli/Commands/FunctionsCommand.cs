using System.CommandLine;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary>
/// <c>edge functions …</c>: create, deploy, update, publish, list, get, delete a function and list
/// its versions in the registry.
/// </summary>
internal static class FunctionsCommand
{
    public static Command Create(RegistryOptions registry) =>
        registry.Group("functions", "Manage functions in the registry: deploy code, publish versions.",
            CreateCommand(registry), DeployCommand(registry), UpdateCommand(registry), PublishCommand(registry),
            ListCommand(registry), GetCommand(registry), DeleteCommand(registry), VersionsCommand(registry));

    private static Argument<string> NameArgument() => new("name") { Description = "The function's name" };

    private static Command CreateCommand(RegistryOptions registry)
    {
        var name = NameArgument();
        var settings = new FunctionSettingsOptions();
        var command = settings.AddTo(new Command("create", "Create a function (without code: deploy uploads it).") { name });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var body = settings.Read(parse).ToJson();
            body["name"] = parse.GetValue(name);
            var created = await context.Client.SendJsonAsync(HttpMethod.Post, RegistryClient.Path("functions"), body, cancellationToken);
            return context.Output.Answer(created, (w, function) => w.WriteLine($"created function {JsonText.Of(function?["name"])}"));
        });
        return command;
    }

    private static Command DeployCommand(RegistryOptions registry)
    {
        var directory = new Argument<string>("dir") { Description = "The function's folder (dotfiles are left out; settings from its function.json)" };
        var name = new Option<string?>("--name") { Description = "The function's name (default: the folder's name)" };
        var command = new Command("deploy", "Upload a folder as a function's $LATEST code, creating the function if needed.") { directory, name };
        registry.SetAction(command, (parse, context, cancellationToken) =>
            new FunctionDeployer(context.Client, context.Output).DeployAsync(parse.GetValue(directory)!, parse.GetValue(name), cancellationToken));
        return command;
    }

    private static Command UpdateCommand(RegistryOptions registry)
    {
        var name = NameArgument();
        var settings = new FunctionSettingsOptions();
        var command = settings.AddTo(new Command("update", "Change a function's settings; only the flags given change.") { name });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var changes = settings.Read(parse);
            if (changes.IsEmpty)
            {
                return context.Output.Usage("nothing to change: give at least one settings flag (see --help)");
            }
            var updated = await context.Client.SendJsonAsync(HttpMethod.Patch, RegistryClient.Path("functions", parse.GetValue(name)!),
                changes.ToJson(), cancellationToken);
            return context.Output.Answer(updated, (w, function) => w.WriteLine($"updated function {JsonText.Of(function?["name"])}"));
        });
        return command;
    }

    private static Command PublishCommand(RegistryOptions registry)
    {
        var name = NameArgument();
        var description = new Option<string?>("--description") { Description = "What changed in this version" };
        var command = new Command("publish", "Publish $LATEST as a new numbered version (the newest one if nothing changed).") { name, description };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var body = new JsonObject();
            if (parse.GetValue(description) is { } text)
            {
                body["description"] = text;
            }
            var function = parse.GetValue(name)!;
            var published = await context.Client.SendJsonAsync(HttpMethod.Post, RegistryClient.Path("functions", function, "versions"), body, cancellationToken);
            // 200 instead of 201: nothing changed since the newest version, which is answered (as Lambda does).
            var what = published.Status == 200 ? "unchanged since version" : "published version";
            return context.Output.Answer(published, (w, version) => w.WriteLine($"{function}: {what} {JsonText.Of(version?["version"])}"));
        });
        return command;
    }

    private static Command ListCommand(RegistryOptions registry)
    {
        var command = new Command("list", "List the account's functions.");
        registry.SetAction(command, (_, context, cancellationToken) => context.ListAsync(RegistryClient.Path("functions"), "functions", new TextTable()
            .Column("NAME", "name").Column("RUNTIME", "runtime").Column("ENGINE", "engine").Column("MEMORY", "memorySize")
            .Column("TIMEOUT", "timeout").Column("CODE SIZE", "codeSize").Column("LAST MODIFIED", "lastModified"), "no functions", cancellationToken));
        return command;
    }

    private static Command GetCommand(RegistryOptions registry)
    {
        var name = NameArgument();
        var command = new Command("get", "Show a function's settings and code.") { name };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var function = await context.Client.GetAsync(RegistryClient.Path("functions", parse.GetValue(name)!), cancellationToken);
            return context.Output.Answer(function, CommandOutput.Describe);
        });
        return command;
    }

    private static Command DeleteCommand(RegistryOptions registry)
    {
        var name = NameArgument();
        var command = new Command("delete", "Delete a function and all its versions and aliases (refused while a distribution binds it).") { name };
        registry.SetAction(command, (parse, context, cancellationToken) =>
            context.DeleteAsync(RegistryClient.Path("functions", parse.GetValue(name)!), "function", parse.GetValue(name)!, cancellationToken));
        return command;
    }

    private static Command VersionsCommand(RegistryOptions registry)
    {
        var name = NameArgument();
        var command = new Command("versions", "List a function's published versions.") { name };
        registry.SetAction(command, (parse, context, cancellationToken) => context.ListAsync(
            RegistryClient.Path("functions", parse.GetValue(name)!, "versions"), "versions", new TextTable()
                .Column("VERSION", "version").Column("RUNTIME", "runtime").Column("CODE SIZE", "codeSize")
                .Column("SHA256", v => JsonText.Of(v["codeSha256"]) is { Length: > 12 } sha ? sha[..12] : JsonText.Of(v["codeSha256"]))
                .Column("DESCRIPTION", "description"), "no published versions", cancellationToken));
        return command;
    }
}
