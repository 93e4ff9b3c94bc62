using EdgeCompute.Origin.Sample.Registry.Functions;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Functions;

/// <summary>Checks outside the write lock, and again when what they checked changed before the write.</summary>
public sealed class CheckedWriteTests
{
    [Fact]
    public async Task RunAsync_WriteFindsTheCheckStale_ChecksAgainAndWrites()
    {
        await using var server = await RegistryServer.StartAsync();
        var store = server.Services.GetRequiredService<IRegistryStore>();
        var checks = 0;

        var result = await CheckedWrite.RunAsync(store, "function 'hello'",
            _ => Task.FromResult(++checks),
            (_, check, _) => Task.FromResult(check == 2 ? "written" : null),
            CancellationToken.None);

        Assert.Equal("written", result);
        Assert.Equal(2, checks);
    }

    [Fact]
    public async Task RunAsync_AlwaysStale_GivesUpWithAConflict()
    {
        await using var server = await RegistryServer.StartAsync();
        var store = server.Services.GetRequiredService<IRegistryStore>();

        var problem = await Assert.ThrowsAsync<RegistryProblemException>(() => CheckedWrite.RunAsync<int, string>(store, "function 'hello'",
            _ => Task.FromResult(0), (_, _, _) => Task.FromResult<string?>(null), CancellationToken.None));

        Assert.Equal(ErrorCodes.ResourceConflict, problem.Code);
        Assert.Contains("function 'hello'", problem.Message);
    }

    [Fact]
    public async Task RunAsync_WhileChecking_DoesNotHoldTheWriteLock()
    {
        await using var server = await RegistryServer.StartAsync();
        var store = server.Services.GetRequiredService<IRegistryStore>();
        var checking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var slow = CheckedWrite.RunAsync(store, "function 'slow'",
            async _ => { checking.SetResult(); await release.Task; return 1; },
            (_, _, _) => Task.FromResult<string?>("slow"),
            CancellationToken.None);
        await checking.Task;
        // Another writer gets the lock while the first operation is still checking.
        await using (var other = await store.BeginAsync(write: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            await other.CommitAsync(CancellationToken.None);
        }
        release.SetResult();

        Assert.Equal("slow", await slow);
    }
}
