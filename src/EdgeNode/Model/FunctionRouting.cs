namespace EdgeCompute.EdgeNode.Model;

/// <summary>The other version of a weighted alias: <see cref="Weight"/> of the invocations run <see cref="Function"/>.</summary>
public sealed record FunctionRouting(FunctionModel Function, double Weight);
