using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeNode.Tests.Cli.Registry;

public sealed class RegistryResponseTests
{
    [Theory]
    [InlineData(200, ExitCodes.Ok)]
    [InlineData(201, ExitCodes.Ok)]
    [InlineData(204, ExitCodes.Ok)]
    [InlineData(400, ExitCodes.Refused)]
    [InlineData(401, ExitCodes.Refused)]
    [InlineData(404, ExitCodes.Refused)]
    [InlineData(409, ExitCodes.Refused)]
    [InlineData(413, ExitCodes.Refused)]
    [InlineData(500, ExitCodes.Unavailable)]
    [InlineData(502, ExitCodes.Unavailable)]
    [InlineData(503, ExitCodes.Unavailable)]
    public void ExitCode_ByStatus(int status, int exitCode) =>
        Assert.Equal(exitCode, RegistryResponse.FromAnswer(status, null, "").ExitCode);

    [Fact]
    public void ExitCode_NoAnswer_Unavailable() =>
        Assert.Equal(ExitCodes.Unavailable, RegistryResponse.Unreachable("connection refused").ExitCode);

    [Fact]
    public void FromAnswer_SuccessWithoutJson_Unavailable()
    {
        var response = RegistryResponse.FromAnswer(200, "OK", "<html>sign in</html>");

        Assert.Equal(ExitCodes.Unavailable, response.ExitCode);
        Assert.Contains("not JSON", response.Reason);
    }

    [Fact]
    public void FromAnswer_Problem_DetailCodeBindingsAndErrors()
    {
        var response = RegistryResponse.FromAnswer(409, "Conflict", """
            {"type":"about:blank","title":"Conflict","status":409,"detail":"In use.","code":"ResourceInUse",
             "bindings":["E1 * viewer-request → hello:2","alias live"],
             "errors":[{"file":"index.js","line":1,"column":5,"message":"Unexpected token"},"plain"]}
            """);

        var problem = response.Problem!;
        Assert.Equal("In use.", problem.Detail);
        Assert.Equal("ResourceInUse", problem.Code);
        Assert.Equal(["E1 * viewer-request → hello:2", "alias live"], problem.Bindings);
        Assert.Equal(["index.js:1:5: Unexpected token", "plain"], problem.Errors);
    }

    [Fact]
    public void FromAnswer_RefusalThatIsNotJson_NoProblemButStillRefused()
    {
        var response = RegistryResponse.FromAnswer(404, "Not Found", "Not Found");

        Assert.Null(response.Problem);
        Assert.Equal(ExitCodes.Refused, response.ExitCode);
    }
}
