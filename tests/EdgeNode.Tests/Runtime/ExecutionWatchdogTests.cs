using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// The watchdog reads an isolate's deadline, then interrupts it; the isolate may be disposed in
/// between. That must be a no-op: an exception on the watchdog's thread ends the whole process.
/// </summary>
public sealed class ExecutionWatchdogTests
{
    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public void Interrupt_IsolateAlreadyDisposed_DoesNotThrow(string engine)
    {
        var isolate = FunctionIsolateFactory.Create(new FunctionModel
        {
            Name = "f",
            Files = new Dictionary<string, string> { ["index.js"] = "exports.handler = async () => ({ status: '200' });" },
            HandlerModule = "index.js",
            HandlerExport = "handler",
            VersionKey = "f:1",
            Engine = engine,
        }, new FunctionRuntimeOptions { NodeId = "test" });

        isolate.Dispose();

        isolate.Interrupt();
        Assert.True(isolate.TimedOut);
    }
}
