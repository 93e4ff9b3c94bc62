namespace EdgeCompute.EdgeNode.Model;

/// <summary>A function associated with one event of a cache behaviour.</summary>
public sealed record FunctionBinding(EdgeEventType EventType, FunctionModel Function, bool IncludeBody);
