namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>A name for a version, optionally sending <see cref="AdditionalWeight"/> of invocations to a second one.</summary>
internal sealed record AliasRecord(
    string AccountId,
    string FunctionName,
    string Name,
    int FunctionVersion,
    int? AdditionalVersion,
    double? AdditionalWeight,
    string Description);
