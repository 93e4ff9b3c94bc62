using System.CommandLine;
using EdgeCompute.EdgeCli.Commands;
using EdgeCompute.EdgeCli.Registry;

var registry = new RegistryOptions();
var root = new RootCommand("edge: the EdgeCompute command-line tool.\n\n" + ExitCodes.Help)
{
    TestCommand.Create(),
    InvalidateCommand.Create(),
    LoginCommand.Create(registry),
    FunctionsCommand.Create(registry),
    LayersCommand.Create(registry),
    AliasesCommand.Create(registry),
    KvsCommand.Create(registry),
    DistributionsCommand.Create(registry),
    BindCommand.Create(registry),
    BindCommand.CreateUnbind(registry),
    StatusCommand.Create(registry),
    UsageCommand.Create(registry),
    LogsCommand.Create(registry),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine("edge: " + error.Message);
    }
    Console.Error.WriteLine("Run 'edge --help' for usage.");
    return ExitCodes.Usage;
}
return await parse.InvokeAsync();
