using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>Code a binding can run: <c>$LATEST</c> or a version, with its package size (code and layers, compressed).</summary>
internal sealed record BindingTarget(string FunctionName, string Qualifier, FunctionSettings Settings, long PackageSize);
