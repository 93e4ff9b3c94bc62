using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge kvs …</c>: key-value stores (CloudFront KeyValueStore) and their keys.</summary>
internal static class KvsCommand
{
    public static Command Create(RegistryOptions registry) =>
        registry.Group("kvs", "Manage key-value stores that cloudfront-js-2.0 functions read.",
            CreateCommand(registry), PutCommand(registry), GetCommand(registry), DeleteCommand(registry), ListCommand(registry), ImportCommand(registry));

    private static Argument<string> StoreArgument() => new("store") { Description = "The store's name" };

    private static Argument<string> KeyArgument() => new("key") { Description = "The key" };

    private static Command CreateCommand(RegistryOptions registry)
    {
        var name = new Argument<string>("name") { Description = "The store's name" };
        var comment = new Option<string?>("--comment") { Description = "What the store holds" };
        var command = new Command("create", "Create an empty key-value store.") { name, comment };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var body = new JsonObject { ["name"] = parse.GetValue(name) };
            if (parse.GetValue(comment) is { } text)
            {
                body["comment"] = text;
            }
            var created = await context.Client.SendJsonAsync(HttpMethod.Post, RegistryClient.Path("kvs"), body, cancellationToken);
            return context.Output.Answer(created, (w, store) => w.WriteLine($"created store {JsonText.Of(store?["name"])} (id {JsonText.Of(store?["id"])})"));
        });
        return command;
    }

    private static Command PutCommand(RegistryOptions registry)
    {
        var store = StoreArgument();
        var key = KeyArgument();
        var value = new Argument<string>("value") { Description = "The value (at most 1 KB)" };
        var command = new Command("put", "Set a key's value.") { store, key, value };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var name = parse.GetValue(key)!;
            var put = await context.Client.SendJsonAsync(HttpMethod.Put, RegistryClient.Path("kvs", parse.GetValue(store)!, "keys", name),
                new JsonObject { ["value"] = parse.GetValue(value) }, cancellationToken);
            return context.Output.Answer(put, (w, _) => w.WriteLine($"set {name}"), new JsonObject { ["key"] = name, ["value"] = parse.GetValue(value) });
        });
        return command;
    }

    private static Command GetCommand(RegistryOptions registry)
    {
        var store = StoreArgument();
        var key = KeyArgument();
        var command = new Command("get", "Print a key's value.") { store, key };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var item = await context.Client.GetAsync(RegistryClient.Path("kvs", parse.GetValue(store)!, "keys", parse.GetValue(key)!), cancellationToken);
            // The bare value, so that $(edge kvs get …) is the value itself.
            return context.Output.Answer(item, (w, body) => w.WriteLine(body?["value"]?.ToString()));
        });
        return command;
    }

    private static Command DeleteCommand(RegistryOptions registry)
    {
        var store = StoreArgument();
        var key = KeyArgument();
        var command = new Command("delete", "Delete a key.") { store, key };
        registry.SetAction(command, (parse, context, cancellationToken) => context.DeleteAsync(
            RegistryClient.Path("kvs", parse.GetValue(store)!, "keys", parse.GetValue(key)!), "key", parse.GetValue(key)!, cancellationToken));
        return command;
    }

    private static Command ListCommand(RegistryOptions registry)
    {
        var store = new Argument<string?>("store") { Description = "List this store's keys (default: list the stores)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List the account's stores, or a store's keys and values.") { store };
        registry.SetAction(command, (parse, context, cancellationToken) =>
        {
            if (parse.GetValue(store) is { } name)
            {
                return context.ListAsync(RegistryClient.Path("kvs", name, "keys"), "items",
                    new TextTable().Column("KEY", "key").Column("VALUE", "value"), "no keys", cancellationToken);
            }
            return context.ListAsync(RegistryClient.Path("kvs"), "stores", new TextTable()
                .Column("NAME", "name").Column("ID", "id").Column("VERSION", "version").Column("ITEMS", "itemCount")
                .Column("BYTES", "totalBytes").Column("LAST MODIFIED", "lastModified"), "no key-value stores", cancellationToken);
        });
        return command;
    }

    private static Command ImportCommand(RegistryOptions registry)
    {
        var store = StoreArgument();
        var file = new Argument<FileInfo>("file") { Description = "{\"key\":\"value\",…}, or CloudFront's {\"data\":[{\"key\",\"value\"}]}" }.AcceptExistingOnly();
        var command = new Command("import", "Replace a store's contents with a JSON file's, in one step.") { store, file };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var path = parse.GetValue(file)!.FullName;
            JsonNode? contents;
            try
            {
                contents = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                return context.Output.Usage($"{path}: {ex.Message}");
            }
            if (contents is not JsonObject)
            {
                return context.Output.Usage($"{path}: not a JSON object");
            }
            var name = parse.GetValue(store)!;
            var imported = await context.Client.SendJsonAsync(HttpMethod.Put, RegistryClient.Path("kvs", name, "import"), contents, cancellationToken);
            var count = contents["data"] is JsonArray data ? data.Count : contents.AsObject().Count;
            return context.Output.Answer(imported, (w, _) => w.WriteLine($"imported {count} keys into {name} (replacing its contents)"));
        });
        return command;
    }
}
