using System.CommandLine;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The settings flags of <c>edge functions create</c> and <c>update</c>. Only the flags given become
/// settings, so that an update changes nothing else. Values are checked by the registry, which
/// knows the rules (runtimes, limits) and reports every problem at once.
/// </summary>
internal sealed class FunctionSettingsOptions
{
    private readonly Option<string?> _runtime = new("--runtime") { Description = "nodejs16.x … nodejs22.x, cloudfront-js-1.0 or cloudfront-js-2.0" };
    private readonly Option<string?> _handler = new("--handler") { Description = "file.export, e.g. index.handler" };
    private readonly Option<string?> _engine = new("--engine") { Description = "v8 or jint" };
    private readonly Option<int?> _memory = new("--memory") { Description = "Memory in MB (128-10240)", HelpName = "MB" };
    private readonly Option<double?> _timeout = new("--timeout") { Description = "Timeout in seconds (at most 30)", HelpName = "SECONDS" };
    private readonly Option<Dictionary<string, string>> _environment = KeyValueArguments.Option("--env", "An environment variable; repeatable (replaces all of them)");
    private readonly Option<string[]> _allowedHosts = new("--allowed-host")
    {
        Description = "A host (or host:port) fetch may reach from origin events; repeatable (replaces the list)",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string[]> _layers = new("--layer") { Description = "A layer version ARN; repeatable, in order (replaces the list)", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _keyValueStore = new("--kvs") { Description = "The key-value store a cloudfront-js-2.0 function reads", HelpName = "NAME" };
    private readonly Option<string?> _description = new("--description") { Description = "What the function is for" };

    public TCommand AddTo<TCommand>(TCommand command) where TCommand : Command
    {
        Option[] options = [_runtime, _handler, _engine, _memory, _timeout, _environment, _allowedHosts, _layers, _keyValueStore, _description];
        foreach (var option in options)
        {
            command.Add(option);
        }
        return command;
    }

    /// <summary>The settings the flags give; unset members for flags not given.</summary>
    public FunctionSettings Read(ParseResult parse) => new()
    {
        Runtime = parse.GetValue(_runtime),
        Handler = parse.GetValue(_handler),
        Engine = parse.GetValue(_engine),
        MemorySize = parse.GetValue(_memory),
        Timeout = parse.GetValue(_timeout),
        Description = parse.GetValue(_description),
        Environment = Given(parse, _environment),
        AllowedHosts = Given(parse, _allowedHosts),
        Layers = Given(parse, _layers),
        KeyValueStores = parse.GetValue(_keyValueStore) is { } store ? [store] : null,
    };

    // A list flag not given is "leave as is", not "empty": GetValue alone cannot tell the two apart.
    private static T? Given<T>(ParseResult parse, Option<T> option) where T : class =>
        parse.GetResult(option) is null ? null : parse.GetValue(option);
}
