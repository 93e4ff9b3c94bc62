using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Uploads;

/// <summary>The <c>zipUrl</c> guard against server-side request forgery: only public addresses by default.</summary>
public sealed class ZipUrlFetcherTests
{
    private static async Task<string> RefusedAsync(RegistryServer server, string zipUrl)
    {
        // Created by the first call of a test; a later call's 409 is expected.
        (await server.A.PostAsync("v1/functions", new { name = "hello" })).Dispose();
        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "ZipUrlForbidden",
            server.A.PutAsync("v1/functions/hello/code", new { zipUrl }));
        return (string)problem["detail"]!;
    }

    [Fact]
    public async Task ZipUrl_LoopbackByDefault_IsForbidden()
    {
        await using var server = await RegistryServer.StartAsync();
        await using var files = await ZipFileServer.StartAsync(TestZips.Function());

        var detail = await RefusedAsync(server, files.Url);

        Assert.Contains("'127.0.0.1'", detail);
        Assert.Contains("loopback", detail);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://10.1.2.3/code.zip", "private")]
    [InlineData("http://172.16.0.1/code.zip", "private")]
    [InlineData("http://192.168.1.1/code.zip", "private")]
    [InlineData("http://0.0.0.0/code.zip", "unspecified")]
    [InlineData("http://224.0.0.1/code.zip", "multicast")]
    [InlineData("http://[::1]/code.zip", "loopback")]
    [InlineData("http://[fe80::1]/code.zip", "link-local")]
    [InlineData("http://[fd00::1]/code.zip", "private")]
    [InlineData("http://[::]/code.zip", "unspecified")]
    [InlineData("http://[ff02::1]/code.zip", "multicast")]
    [InlineData("http://[::ffff:169.254.169.254]/code.zip", "link-local")]
    [InlineData("http://[64:ff9b::7f00:1]/code.zip", "loopback")]
    public async Task ZipUrl_NonPublicAddress_IsForbiddenWithoutConnecting(string zipUrl, string why)
    {
        await using var server = await RegistryServer.StartAsync();

        var detail = await RefusedAsync(server, zipUrl);

        Assert.Contains(why, detail);
    }

    [Fact]
    public async Task ZipUrl_HostName_IsJudgedByTheAddressItResolvesTo()
    {
        await using var server = await RegistryServer.StartAsync();
        await using var files = await ZipFileServer.StartAsync(TestZips.Function());

        var detail = await RefusedAsync(server, files.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        Assert.Contains("'localhost' resolves to", detail);
        Assert.Contains("loopback", detail);
    }

    [Fact]
    public async Task ZipUrl_RedirectToANonPublicAddress_IsForbiddenAtThatHop()
    {
        await using var files = await ZipFileServer.StartAsync(TestZips.Function());
        // The first hop is an allowed host; the redirect leaves it for another port of the same loopback address.
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Registry:ZipUrlAllowedHosts:0"] = new Uri(files.Origin).Authority,
        });

        var metadata = await RefusedAsync(server, files.RedirectTo("http://169.254.169.254/latest/meta-data/"));
        var registry = await RefusedAsync(server, files.RedirectTo(new Uri(server.BaseUri, "v1/account").ToString()));

        Assert.Contains("link-local", metadata);
        Assert.Contains("loopback", registry);
    }

    [Fact]
    public async Task ZipUrl_RedirectToAnotherScheme_IsForbidden()
    {
        await using var files = await ZipFileServer.StartAsync(TestZips.Function());
        await using var server = await RegistryServer.StartAsync(settings: ZipFileServer.AllowLoopback);

        var detail = await RefusedAsync(server, files.RedirectTo("file:///etc/passwd"));

        Assert.Contains("file:///etc/passwd", detail);
    }

    [Fact]
    public async Task ZipUrl_RedirectBetweenAllowedHosts_IsFollowed()
    {
        await using var files = await ZipFileServer.StartAsync(TestZips.Function("redirected"));
        await using var server = await RegistryServer.StartAsync(settings: ZipFileServer.AllowLoopback);
        await server.A.CreateFunctionAsync("hello");

        var function = await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/code", new { zipUrl = files.RedirectTo(files.Url) }));

        Assert.Equal(files.Sha256, (string?)function["codeSha256"]);
    }

    [Fact]
    public async Task ZipUrl_AllowedHostWithAnotherPort_IsForbidden()
    {
        await using var files = await ZipFileServer.StartAsync(TestZips.Function());
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Registry:ZipUrlAllowedHosts:0"] = "127.0.0.1:1",
        });

        await RefusedAsync(server, files.Url);
    }

    [Fact]
    public async Task ZipUrl_AllowPrivateNetworks_ReachesLoopbackButNeverLinkLocal()
    {
        await using var files = await ZipFileServer.StartAsync(TestZips.Function("private"));
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Registry:ZipUrlAllowPrivateNetworks"] = "true",
        });

        await server.A.CreateFunctionAsync("hello");
        var function = await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/code", new { zipUrl = files.Url }));
        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "ZipUrlForbidden",
            server.A.PutAsync("v1/functions/hello/code", new { zipUrl = "http://169.254.169.254/latest/meta-data/" }));

        Assert.Equal(files.Sha256, (string?)function["codeSha256"]);
        Assert.Contains("link-local", (string?)problem["detail"]);
    }
}
