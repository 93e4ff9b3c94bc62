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

    [Fact]
    public async Task Collect_AfterTheFunctionIsDeleted_DeletesItsBlob()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var code = await UploadAsync(server, "hello", "deleted");
        await server.A.PublishAsync("hello");
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));

        Assert.Equal(1, await CollectAsync(server, TimeSpan.Zero));

        Assert.False(File.Exists(BlobPath(server, code)));
    }

    [Fact]
    public async Task Collect_AfterAVersionIsDeleted_DeletesOnlyTheCodeNothingElseUses()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var first = await UploadAsync(server, "hello", "1");
        await server.A.PublishAsync("hello");
        var second = await UploadAsync(server, "hello", "2");
        await server.A.PublishAsync("hello");
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
        var version = await UploadAsync(server, "hello", "version");
        await server.A.PublishAsync("hello");
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
        await server.A.CreateFunctionAsync("hello");
        var code = await UploadAsync(server, "hello", "fresh");
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));

        Assert.Equal(0, await CollectAsync(server, TimeSpan.FromHours(1)));

        Assert.True(File.Exists(BlobPath(server, code)));
    }

    [Fact]
    public async Task Upload_OfBytesAlreadyStored_RefreshesTheBlobsAge()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var code = await UploadAsync(server, "hello", "again");
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));
        File.SetLastWriteTimeUtc(BlobPath(server, code), DateTime.UtcNow.AddHours(-2));

        // Stored again (as an upload does before its transaction references it): no longer a candidate.
        await server.B.CreateFunctionAsync("hello");
        await server.B.UploadAsync("hello", TestZips.Function("again"));
        await server.B.NoContentAsync(server.B.DeleteAsync("v1/functions/hello"));

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
        await server.A.CreateFunctionAsync("hello");
        var code = await UploadAsync(server, "hello", "background");
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(BlobPath(server, code)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(BlobPath(server, code)));
    }
}
