using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeNode.Tests.Cli.Registry;

public sealed class KeyValueArgumentsTests
{
    private readonly List<string> _errors = [];

    [Fact]
    public void Parse_Pairs_SplitAtTheFirstEquals()
    {
        var pairs = KeyValueArguments.Parse("--env", ["STAGE=prod", "QUERY=a=b&c=d", "EMPTY="], null, _errors);

        Assert.Empty(_errors);
        Assert.Equal("prod", pairs["STAGE"]);
        Assert.Equal("a=b&c=d", pairs["QUERY"]);
        Assert.Equal("", pairs["EMPTY"]);
    }

    [Theory]
    [InlineData("STAGE")]
    [InlineData("=prod")]
    public void Parse_NotAPair_ErrorNamingTheOptionAndArgument(string argument)
    {
        KeyValueArguments.Parse("--env", [argument], null, _errors);

        Assert.Equal($"--env: '{argument}' is not KEY=VALUE", Assert.Single(_errors));
    }

    [Fact]
    public void Parse_KeyTwice_Error()
    {
        KeyValueArguments.Parse("--env", ["A=1", "A=2"], null, _errors);

        Assert.Equal("--env: 'A' is given twice", Assert.Single(_errors));
    }

    [Fact]
    public void Parse_ValueCheckFails_ErrorWithTheCheckersReason()
    {
        KeyValueArguments.Parse("--weight", ["3=x"], v => v == "x" ? "not a number" : null, _errors);

        Assert.Equal("--weight: '3=x': not a number", Assert.Single(_errors));
    }
}
