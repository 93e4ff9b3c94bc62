using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EdgeCompute.Benchmarks.ViewerRequestInvocationBenchmarks).Assembly).Run(args);
