using System.CommandLine;
using EdgeCompute.EdgeCli.Commands;

var root = new RootCommand("edge: the EdgeCompute command-line tool")
{
    TestCommand.Create(),
    InvalidateCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine("edge: " + error.Message);
    }
    Console.Error.WriteLine("Run 'edge --help' for usage.");
    return 2;
}
return await parse.InvokeAsync();
