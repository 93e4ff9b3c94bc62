namespace EdgeCompute.Origin.Sample.Registry.Problems;

/// <summary>
/// A refusal: the request is wrong and the caller can fix it. Thrown from wherever the rule is
/// checked, often inside a store transaction that must roll back, and turned into one
/// problem+json answer by <see cref="RegistryProblemFilter"/>.
/// </summary>
internal sealed class RegistryProblemException(int status, string code, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Extra members of the problem, e.g. <c>bindings</c> or <c>errors</c>.</summary>
    public Dictionary<string, object?> Extensions { get; } = [];

    public RegistryProblemException With(string member, object? value)
    {
        Extensions[member] = value;
        return this;
    }

    public static RegistryProblemException BadRequest(string code, string detail) => new(StatusCodes.Status400BadRequest, code, detail);

    public static RegistryProblemException Invalid(string detail) => BadRequest(ErrorCodes.InvalidParameterValue, detail);

    public static RegistryProblemException NotFound(string code, string detail) => new(StatusCodes.Status404NotFound, code, detail);

    public static RegistryProblemException NotFound(string detail) => NotFound(ErrorCodes.ResourceNotFound, detail);

    public static RegistryProblemException Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, detail);

    public static RegistryProblemException InUse(string what, IReadOnlyList<string> bindings) =>
        Conflict(ErrorCodes.ResourceInUse, $"{what} is in use: {string.Join("; ", bindings)}").With("bindings", bindings);

    public static RegistryProblemException TooLarge(string code, string detail) => new(StatusCodes.Status413PayloadTooLarge, code, detail);
}
