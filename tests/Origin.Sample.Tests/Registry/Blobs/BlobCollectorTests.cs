using EdgeCompute.Origin.Sample.Registry.Blobs;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Blobs;

/// <summary>Blob garbage collection: what nothing references goes, what something references (or is too young) stays.</summary>
public sealed class BlobCollectorTests
{
    private static Task<int> CollectAsync(RegistryServer server, TimeSpan gracePeriod) =>
        server.Services.GetRequiredService<BlobCollector>().CollectAsync(gracePeriod, CancellationToken.None);

    private static string BlobPath(RegistryServer server, string sha256) =>
        Path.Combine(server.DataDirectory, "blobs", sha256[..2], sha256 + ".zip");

    private static async Task<string> UploadAsync(RegistryServer server, string function, string marker) =>
        (string)(await server.A.UploadAsync(function, TestZips.Function(marker)))["codeSha256"]!;

    /// <summary>Uploads code to <c>hello</c> and publishes it as a version.</summary>
    private static async Task<string> PublishCodeAsync(RegistryServer server, string marker)
    {
        var code = await UploadAsync(server, "hello", marker);
        await server.A.PublishAsync("hello");
        return code;
    }

    /// <summary>Creates <c>hello</c>, uploads code and deletes the function: the code's blob is left unreferenced.</summary>
    private static async Task<string> UnreferencedCodeAsync(RegistryClient client, string marker)
    {
        await client.CreateFunctionAsync("hello");
        var code = (string)(await client.UploadAsync("hello", TestZips.Function(marker)))["codeSha256"]!;
        await client.NoContentAsync(client.DeleteAsync("v1/functions/hello"));
        return code;
    }

    [Fact]
    public async Task Collect_AfterTheFunctionIsDeleted_DeletesItsBlob()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var code = await PublishCodeAsync(server, "deleted");
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));

        Assert.Equal(1, await CollectAsync(server, TimeSpan.Zero));

        Assert.False(File.Exists(BlobPath(server, code)));
    }

    [Fact]
    public async Task Collect_AfterAVersionIsDeleted_DeletesOnlyTheCodeNothingElseUses()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var first = await PublishCodeAsync(server, "1");
        var second = await PublishCodeAsync(server, "2");
        var latest = await UploadAsync(server, "hello", "3");

        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello/versions/1"));
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello/versions/2"));
        await server.A.UploadAsync("hello", TestZips.Function("2"));
        await CollectAsync(server, TimeSpan.Zero);

        Assert.False(File.Exists(BlobPath(server, first)));
        Assert.True(File.Exists(BlobPath(server, second)), "$LATEST uses the version's code again");
        Assert.False(File.Exists(BlobPath(server, latest)));
    }

    [Fact]
    public async Task Collect_ReferencedBlobs_StayAndStillServe()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var version = await PublishCodeAsync(server, "version");
        var latest = await UploadAsync(server, "hello", "latest");
        var layer = (string)(await server.B.CreatedAsync(server.B.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer())))["codeSha256"]!;

        Assert.Equal(0, await CollectAsync(server, TimeSpan.Zero));

        foreach (var sha256 in new[] { version, latest, layer })
        {
            Assert.True(File.Exists(BlobPath(server, sha256)), sha256);
            using var bundle = await server.Node.GetAsync($"v1/edge/bundles/{sha256}");
            Assert.Equal(System.Net.HttpStatusCode.OK, bundle.StatusCode);
        }
    }

    [Fact]
    public async Task Collect_AfterALayerVersionIsDeleted_DeletesItsBlob()
    {
        await using var server = await RegistryServer.StartAsync();
        var layer = await server.A.CreatedAsync(server.A.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer()));
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/layers/utils/versions/1"));

        Assert.Equal(1, await CollectAsync(server, TimeSpan.Zero));

        Assert.False(File.Exists(BlobPath(server, (string)layer["codeSha256"]!)));
    }

    [Fact]
    public async Task Collect_UnreferencedBlobWithinTheGracePeriod_Stays()
    {
        await using var server = await RegistryServer.StartAsync();
        var code = await UnreferencedCodeAsync(server.A, "fresh");

        Assert.Equal(0, await CollectAsync(server, TimeSpan.FromHours(1)));

        Assert.True(File.Exists(BlobPath(server, code)));
    }

    [Fact]
    public async Task Upload_OfBytesAlreadyStored_RefreshesTheBlobsAge()
    {
        await using var server = await RegistryServer.StartAsync();
        var code = await UnreferencedCodeAsync(server.A, "again");
        File.SetLastWriteTimeUtc(BlobPath(server, code), DateTime.UtcNow.AddHours(-2));

        // Stored again (as an upload does before its transaction references it): no longer a candidate.
        await UnreferencedCodeAsync(server.B, "again");

        Assert.Equal(0, await CollectAsync(server, TimeSpan.FromHours(1)));
        Assert.True(File.Exists(BlobPath(server, code)));
    }

    [Fact]
    public async Task Collect_BeforeAnyBlobIsStored_DoesNotCreateTheDatabase()
    {
        await using var server = await RegistryServer.StartAsync();

        Assert.Equal(0, await CollectAsync(server, TimeSpan.Zero));

        Assert.False(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task BackgroundService_CollectsEveryInterval()
    {
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Registry:BlobCollectInterval"] = "00:00:00.100",
            ["Registry:BlobGracePeriod"] = "00:00:00",
        });
        var code = await UnreferencedCodeAsync(server.A, "background");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(BlobPath(server, code)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(BlobPath(server, code)));
    }
}
