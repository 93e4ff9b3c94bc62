using EdgeCompute.EdgeNode.Hosting;

// Functions run synchronously on the request's thread while in V8; a few runaway functions must not
// starve Kestrel of threads while the pool slowly grows.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

var app = EdgeNodeApp.Build(args, out var errors);
if (app is null)
{
    Console.Error.WriteLine($"The edge node cannot start: {errors.Count} configuration error(s).");
    foreach (var error in errors)
    {
        Console.Error.WriteLine("  " + error);
    }
    return 1;
}
await app.RunAsync();
return 0;
