using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Uploads;

/// <summary>The code checks of the contract, at upload and at publish.</summary>
public sealed class CodeUploadTests
{
    private static async Task<HttpResponseMessage> UploadToNewFunctionAsync(RegistryServer server, byte[] zip, JsonObject? settings = null)
    {
        await server.A.CreateFunctionAsync("hello", settings);
        return await server.A.SendZipAsync(HttpMethod.Put, "v1/functions/hello/code", zip);
    }

    [Fact]
    public async Task Upload_NotAZip_IsRefusedWithInvalidZip()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidZip",
            UploadToNewFunctionAsync(server, "exports.handler = 1;"u8.ToArray()));
    }

    [Theory]
    [InlineData("../index.js")]
    [InlineData("lib/../../escape.js")]
    [InlineData("/etc/index.js")]
    [InlineData("C:/windows/index.js")]
    [InlineData("..\\index.js")]
    public async Task Upload_EntryOutsideThePackage_IsRefusedWithUnsafePath(string entry)
    {
        await using var server = await RegistryServer.StartAsync();
        var zip = TestZips.Create(("index.js", TestZips.Handler), (entry, "module.exports = 1;"));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "UnsafePath", UploadToNewFunctionAsync(server, zip));
        Assert.Contains(entry, (string?)problem["detail"]);
    }

    [Fact]
    public async Task Upload_OverTheCompressedLimit_IsRefusedWith413()
    {
        await using var server = await RegistryServer.StartAsync();
        var body = new byte[RegistryServer.MaxZipBytes + 1];

        await RegistryClient.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "TooLarge", UploadToNewFunctionAsync(server, body));
    }

    [Fact]
    public async Task Upload_ZipBomb_StopsAtTheUnzippedLimitWith413()
    {
        await using var server = await RegistryServer.StartAsync();
        // Zeros compress about a thousandfold: a few KB on the wire, far past the limit unpacked.
        var zip = TestZips.Create(("index.js", System.Text.Encoding.UTF8.GetBytes(TestZips.Handler)), ("data/zeros.bin", new byte[RegistryServer.MaxUnzippedBytes * 3]));
        Assert.True(zip.Length < 100_000);

        await RegistryClient.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "UnzippedTooLarge", UploadToNewFunctionAsync(server, zip));
    }

    [Fact]
    public async Task Upload_WithoutTheHandlerFile_IsRefusedWithHandlerNotFound()
    {
        await using var server = await RegistryServer.StartAsync();
        var zip = TestZips.Create(("main.js", TestZips.Handler));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "HandlerNotFound", UploadToNewFunctionAsync(server, zip));
        Assert.Contains("index.js", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Upload_HandlerInASubfolder_IsAccepted()
    {
        await using var server = await RegistryServer.StartAsync();
        var zip = TestZips.Create(("src/app.js", TestZips.Handler));

        using var response = await UploadToNewFunctionAsync(server, zip, new JsonObject { ["handler"] = "src/app.handler" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Upload_SyntaxError_IsRefusedWithFileLineAndColumn(string engine)
    {
        await using var server = await RegistryServer.StartAsync();
        var zip = TestZips.Create(("index.js", TestZips.Handler), ("lib/broken.js", "// helper\nmodule.exports = {\n  value: 1 +;\n};\n"));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "SyntaxError",
            UploadToNewFunctionAsync(server, zip, new JsonObject { ["engine"] = engine }));

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("lib/broken.js", (string?)error["file"]);
        Assert.Equal(3, (int)error["line"]!);
        Assert.Equal(13, (int)error["column"]!);
        Assert.Contains("SyntaxError", (string?)error["message"]);
    }

    [Fact]
    public async Task Upload_SyntaxErrorOnTheFirstLine_ReportsTheColumnInTheUsersFile()
    {
        await using var server = await RegistryServer.StartAsync();
        var zip = TestZips.Create(("index.js", "exports.handler = ;\n"));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "SyntaxError", UploadToNewFunctionAsync(server, zip));

        var error = problem["errors"]![0]!;
        Assert.Equal(1, (int)error["line"]!);
        Assert.Equal(19, (int)error["column"]!);
    }

    [Fact]
    public async Task Upload_CloudFrontFunctionOver10KB_IsRefusedWithCodeTooLarge()
    {
        await using var server = await RegistryServer.StartAsync();
        var source = "function handler(event) { return event.request; }\n// " + new string('x', 11 * 1024) + "\n";

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "CodeTooLarge",
            UploadToNewFunctionAsync(server, TestZips.Create(("index.js", source)), new JsonObject { ["runtime"] = "cloudfront-js-2.0" }));
    }

    [Fact]
    public async Task Upload_CloudFrontFunctionWithImport_IsAccepted()
    {
        await using var server = await RegistryServer.StartAsync();
        var source = "import cf from 'cloudfront';\nasync function handler(event) { return event.request; }\n";

        using var response = await UploadToNewFunctionAsync(server, TestZips.Create(("index.js", source)), new JsonObject { ["runtime"] = "cloudfront-js-2.0" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upload_WrongContentType_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidRequest", server.A.PutAsync("v1/functions/hello/code", "\"x\""));
    }

    [Fact]
    public async Task Publish_AfterTheHandlerChanged_ChecksTheCodeAgain()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello");
        await server.A.OkAsync(server.A.PatchAsync("v1/functions/hello", new { handler = "main.handler" }));

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "HandlerNotFound", server.A.PostAsync("v1/functions/hello/versions", new { }));
    }

    [Fact]
    public async Task Upload_ToTwoFunctionsInParallel_BothSucceed()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("one");
        await server.A.CreateFunctionAsync("two", new JsonObject { ["engine"] = "jint" });
        var zips = new[] { TestZips.Function("one"), TestZips.Function("two") };

        var uploaded = await Task.WhenAll(server.A.UploadAsync("one", zips[0]), server.A.UploadAsync("two", zips[1]));
        var published = await Task.WhenAll(server.A.PublishAsync("one"), server.A.PublishAsync("two"));

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zips[i])), (string?)uploaded[i]["codeSha256"]);
            Assert.Equal("1", published[i]);
        }
    }
}
