using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// One thread that interrupts isolates running past their deadline. A single watchdog polling a few
/// hundred deadlines is far cheaper than a timer armed and disarmed on every invocation.
/// </summary>
internal sealed class ExecutionWatchdog : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(5);
    private readonly ConcurrentDictionary<IFunctionIsolate, byte> _isolates = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public ExecutionWatchdog()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "edge-function-watchdog" };
        _thread.Start();
    }

    public void Watch(IFunctionIsolate isolate) => _isolates.TryAdd(isolate, 0);

    public void Forget(IFunctionIsolate isolate) => _isolates.TryRemove(isolate, out _);

    private void Run()
    {
        while (!_stop.Token.WaitHandle.WaitOne(Period))
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var isolate in _isolates.Keys)
            {
                var deadline = isolate.Deadline;
                if (deadline != 0 && now > deadline)
                {
                    Interrupt(isolate);
                }
            }
        }
    }

    // An exception on this thread would end the process: whatever one isolate's teardown throws, the
    // watchdog must go on stopping the others. An isolate that cannot be interrupted is already gone.
    private static void Interrupt(IFunctionIsolate isolate)
    {
        try
        {
            isolate.Interrupt();
        }
        catch (Exception)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}
