namespace EdgeCompute.EdgeNode.Model;

/// <summary>A validated cache behaviour: its pattern, origin and up to one function per event.</summary>
public sealed class CacheBehaviorModel
{
    private readonly FunctionBinding?[] _functions;

    public CacheBehaviorModel(PathPattern pattern, OriginModel origin, IReadOnlySet<string>? allowedMethods,
        bool forwardHost, IEnumerable<FunctionBinding> functions, CachePolicyModel? cachePolicy = null)
    {
        CachePolicy = cachePolicy ?? CachePolicyModel.Default;
        Pattern = pattern;
        Origin = origin;
        AllowedMethods = allowedMethods;
        ForwardHost = forwardHost;
        _functions = new FunctionBinding?[4];
        foreach (var binding in functions)
        {
            _functions[(int)binding.EventType] = binding;
        }
    }

    public PathPattern Pattern { get; }
    public OriginModel Origin { get; }

    /// <summary>Null means every method is allowed.</summary>
    public IReadOnlySet<string>? AllowedMethods { get; }

    public bool ForwardHost { get; }

    public CachePolicyModel CachePolicy { get; }

    /// <summary>The CloudFront-* headers the node adds to requests of this behaviour (its policies name them).</summary>
    public Geo.CloudFrontHeader CloudFrontHeaders { get; init; }

    public FunctionBinding? FunctionFor(EdgeEventType type) => _functions[(int)type];

    public IEnumerable<FunctionBinding> Functions => _functions.OfType<FunctionBinding>();
}
