namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>One function association of a stored distribution.</summary>
internal sealed record BoundAssociation(string DistributionId, string PathPattern, string Event, FunctionBinding Binding)
{
    /// <summary>As the contract names bindings in 409 answers.</summary>
    public override string ToString() => $"{DistributionId} {PathPattern} {Event} → {Binding.Name}:{Binding.Qualifier}";
}
