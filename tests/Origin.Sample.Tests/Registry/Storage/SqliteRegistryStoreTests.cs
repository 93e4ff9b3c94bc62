using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Storage;

public sealed class SqliteRegistryStoreTests
{
    [Fact]
    public async Task FirstUse_CreatesTheDatabaseWithTheSchemaInWalMode()
    {
        await using var server = await RegistryServer.StartAsync();
        var database = Path.Combine(server.DataDirectory, "registry.db");
        Assert.False(File.Exists(database));

        await server.A.OkAsync(server.A.GetAsync("v1/account"));

        Assert.True(File.Exists(database));
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA user_version"));
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT COUNT(*) FROM accounts"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM accounts WHERE api_key_hash = 'key-a'"));
    }

    [Fact]
    public async Task Restart_ReopensTheDatabase_AndEverythingSurvives()
    {
        var directory = Path.Combine(Path.GetTempPath(), "registry-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = await RegistryServer.StartAsync(directory);
            await first.A.CreateWithCodeAsync("hello");
            await first.A.PublishAsync("hello");
            await first.A.CreatedAsync(first.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "hello", "1"));
            var revision = await first.Node.RevisionAsync();
            await first.DisposeAsync();

            await using var second = await RegistryServer.StartAsync(directory);

            var version = await second.A.OkAsync(second.A.GetAsync("v1/functions/hello/versions/1"));
            Assert.Equal("1", (string?)version["version"]);
            Assert.Equal(revision, await second.Node.RevisionAsync());
            using var bundle = await second.Node.GetAsync($"v1/edge/bundles/{(string)version["codeSha256"]!}");
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
            await second.A.UploadAsync("hello", TestZips.Function("after restart"));
            Assert.Equal("2", await second.A.PublishAsync("hello"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
