using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Validates an <see cref="EdgeConfig"/> and turns it into an <see cref="EdgeSnapshot"/>, collecting
/// every error (file, JSON path, what is wrong) instead of stopping at the first.
/// </summary>
internal sealed class EdgeSnapshotFactory
{
    private static readonly HashSet<string> KnownMethods = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];

    private readonly string _file;
    private readonly string _functionsDirectory;
    private readonly EdgeConfig _config;
    private readonly List<ConfigError> _errors;
    private readonly Dictionary<string, FunctionModel?> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EdgeEventType> _strictestEvent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _originBound = new(StringComparer.Ordinal);

    public EdgeSnapshotFactory(string file, EdgeConfig config, List<ConfigError> errors)
    {
        _file = file;
        _config = config;
        _errors = errors;
        _functionsDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", config.FunctionsDirectory));
    }

    public EdgeSnapshot? Build(long version)
    {
        if (_config.Distributions.Count == 0)
        {
            Error("$.distributions", "at least one distribution is required");
        }
        var stores = KeyValueStoreReader.Read(_file, _config.KeyValueStores, _errors);
        // Functions first: a viewer event binding tightens a function's limits.
        CollectBindings();
        foreach (var name in _config.Functions.Keys.Where(n => !_strictestEvent.ContainsKey(n)))
        {
            Error($"$.functions.{name}", $"settings for function '{name}', which no cache behaviour uses");
        }
        foreach (var (name, eventType) in _strictestEvent)
        {
            var limit = eventType.IsOriginEvent() ? EdgeLimits.OriginCodeSizeLimit : EdgeLimits.ViewerCodeSizeLimit;
            _config.Functions.TryGetValue(name, out var overrides);
            var function = FunctionDirectoryReader.Read(_functionsDirectory, name, overrides, limit, _errors, stores);
            if (function?.CloudFrontVersion is not null && _originBound.Contains(name))
            {
                Error($"$.functions.{name}", $"function '{name}' is a CloudFront Function ({function.Runtime}): it can only be bound to viewer-request and viewer-response");
            }
            if (function is not null && !eventType.IsOriginEvent())
            {
                CheckViewerLimits(function);
            }
            _functions[name] = function;
        }

        var distributions = new List<DistributionModel>();
        var hosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        DistributionModel? defaultDistribution = null;
        for (var i = 0; i < _config.Distributions.Count; i++)
        {
            var path = $"$.distributions[{i}]";
            var distribution = BuildDistribution(_config.Distributions[i], path);
            if (distribution is null)
            {
                continue;
            }
            if (!ids.Add(distribution.Id))
            {
                Error($"{path}.id", $"'{distribution.Id}' is used by another distribution");
            }
            foreach (var host in distribution.HostNames)
            {
                if (!hosts.TryAdd(host, distribution.Id))
                {
                    Error(path, $"host name '{host}' is already served by distribution '{hosts[host]}'");
                }
            }
            if (_config.Distributions[i].Default)
            {
                if (defaultDistribution is not null)
                {
                    Error($"{path}.default", $"only one distribution may be the default; '{defaultDistribution.Id}' already is");
                }
                defaultDistribution ??= distribution;
            }
            distributions.Add(distribution);
        }
        if (_errors.Count > 0)
        {
            return null;
        }
        var functions = _functions.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        return new EdgeSnapshot(distributions, defaultDistribution, functions, version, stores);
    }

    private void CollectBindings()
    {
        foreach (var distribution in _config.Distributions)
        {
            foreach (var behavior in distribution.CacheBehaviors)
            {
                foreach (var (eventName, association) in behavior.Functions)
                {
                    if (EdgeEventTypeExtensions.TryParse(eventName, out var type))
                    {
                        // A weighted alias's other function runs on the same event, under the same limits.
                        CollectBinding(association.Name, type);
                        CollectBinding(association.Routing?.Name, type);
                    }
                }
            }
        }
    }

    private void CollectBinding(string? name, EdgeEventType type)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }
        if (type.IsOriginEvent())
        {
            _originBound.Add(name);
        }
        // The viewer events' limits are the stricter ones; they win when both bind a function.
        if (!_strictestEvent.TryGetValue(name, out var seen) || (seen.IsOriginEvent() && !type.IsOriginEvent()))
        {
            _strictestEvent[name] = type;
        }
    }

    private void CheckViewerLimits(FunctionModel function)
    {
        if (function.MemorySizeMb > 128)
        {
            Error($"$.functions.{function.Name}", $"function '{function.Name}' is bound to a viewer event, where memory is limited to 128 MB (it has {function.MemorySizeMb})");
        }
        if (function.Timeout > EdgeLimits.ViewerTimeout && _config.Functions.TryGetValue(function.Name, out var s) && s.Timeout is not null)
        {
            Error($"$.functions.{function.Name}.timeout", $"function '{function.Name}' is bound to a viewer event, where the timeout is at most 5 s");
        }
    }

    private DistributionModel? BuildDistribution(DistributionConfig config, string path)
    {
        var before = _errors.Count;
        if (string.IsNullOrWhiteSpace(config.Id))
        {
            Error($"{path}.id", "is required (e.g. EDFDVBD6EXAMPLE)");
        }
        if (string.IsNullOrWhiteSpace(config.DomainName))
        {
            Error($"{path}.domainName", "is required (e.g. d111111abcdef8.cloudfront.net)");
        }
        var origins = new Dictionary<string, OriginModel>(StringComparer.Ordinal);
        if (config.Origins.Count == 0)
        {
            Error($"{path}.origins", "at least one origin is required");
        }
        for (var i = 0; i < config.Origins.Count; i++)
        {
            var origin = OriginFactory.Build(config.Origins[i], $"{path}.origins[{i}]", Error);
            if (origin is not null && !origins.TryAdd(origin.Id, origin))
            {
                Error($"{path}.origins[{i}].id", $"'{origin.Id}' is used by another origin of this distribution");
            }
        }
        if (config.CacheBehaviors.Count == 0)
        {
            Error($"{path}.cacheBehaviors", "at least one cache behaviour is required (the last usually has pathPattern \"*\")");
        }
        var behaviors = new List<CacheBehaviorModel>();
        for (var i = 0; i < config.CacheBehaviors.Count; i++)
        {
            if (BuildBehavior(config.CacheBehaviors[i], $"{path}.cacheBehaviors[{i}]", origins) is { } behavior)
            {
                behaviors.Add(behavior);
            }
        }
        if (_errors.Count > before)
        {
            return null;
        }
        var hostNames = new List<string> { config.DomainName! };
        hostNames.AddRange(config.Aliases);
        return new DistributionModel
        {
            Id = config.Id!,
            DomainName = config.DomainName!,
            HostNames = hostNames,
            Behaviors = behaviors,
            Origins = origins,
            RunViewerResponseOnErrors = config.RunViewerResponseOnErrors,
        };
    }

    private CacheBehaviorModel? BuildBehavior(CacheBehaviorConfig config, string path, Dictionary<string, OriginModel> origins)
    {
        var before = _errors.Count;
        if (string.IsNullOrEmpty(config.PathPattern))
        {
            Error($"{path}.pathPattern", "is required (\"*\" matches every path)");
        }
        OriginModel? origin = null;
        if (string.IsNullOrEmpty(config.OriginId))
        {
            Error($"{path}.originId", "is required");
        }
        else if (!origins.TryGetValue(config.OriginId, out origin))
        {
            Error($"{path}.originId", $"no origin with id '{config.OriginId}' in this distribution");
        }
        HashSet<string>? methods = null;
        if (config.AllowedMethods is { } allowed)
        {
            methods = new HashSet<string>(StringComparer.Ordinal);
            foreach (var method in allowed)
            {
                if (!KnownMethods.Contains(method))
                {
                    Error($"{path}.allowedMethods", $"'{method}' is not one of {string.Join(", ", KnownMethods)}");
                }
                methods.Add(method);
            }
        }
        var bindings = new List<FunctionBinding>();
        foreach (var (eventName, association) in config.Functions)
        {
            var at = $"{path}.functions.{eventName}";
            if (!EdgeEventTypeExtensions.TryParse(eventName, out var type))
            {
                Error(at, "is not an event; use viewer-request, origin-request, origin-response or viewer-response");
                continue;
            }
            if (association.IncludeBody && !type.IsRequestEvent())
            {
                Error($"{at}.includeBody", "applies to request events only");
            }
            if (string.IsNullOrEmpty(association.Name))
            {
                Error($"{at}.name", "is required: the function's folder name");
                continue;
            }
            var routing = association.Routing is { } routingConfig ? BuildRouting(routingConfig, association.Name, $"{at}.routing") : null;
            if (_functions.TryGetValue(association.Name, out var function) && function is not null)
            {
                bindings.Add(new FunctionBinding(type, function, association.IncludeBody) { Routing = routing });
            }
            else
            {
                Error($"{at}.name", $"function '{association.Name}' could not be loaded (see its errors)");
            }
        }
        var cachePolicy = config.CachePolicy is { } policy ? BuildCachePolicy(policy, $"{path}.cachePolicy") : CachePolicyModel.Default;
        var cloudFrontHeaders = CloudFrontHeaderPolicyReader.Read(config, path, Error);
        if (_errors.Count > before)
        {
            return null;
        }
        return new CacheBehaviorModel(new PathPattern(config.PathPattern!), origin!, methods, config.ForwardHost, bindings, cachePolicy)
        {
            CloudFrontHeaders = cloudFrontHeaders,
        };
    }

    private FunctionRouting? BuildRouting(FunctionRoutingConfig config, string mainName, string path)
    {
        var before = _errors.Count;
        if (config.Weight is < 0 or >= 1)
        {
            Error($"{path}.weight", $"{config.Weight} is outside [0, 1): the share of invocations that go to the routing function");
        }
        if (string.IsNullOrEmpty(config.Name))
        {
            Error($"{path}.name", "is required: the folder name of the function that gets the weighted share");
            return null;
        }
        if (config.Name == mainName)
        {
            Error($"{path}.name", $"names the association's own function '{mainName}'; routing needs another one");
            return null;
        }
        if (!_functions.TryGetValue(config.Name, out var function) || function is null)
        {
            Error($"{path}.name", $"function '{config.Name}' could not be loaded (see its errors)");
            return null;
        }
        return _errors.Count > before ? null : new FunctionRouting(function, config.Weight);
    }

    private CachePolicyModel BuildCachePolicy(CachePolicyConfig config, string path)
    {
        if (config.MinTtl < 0)
        {
            Error($"{path}.minTtl", "must be 0 or more seconds");
        }
        if (config.DefaultTtl is < 0)
        {
            Error($"{path}.defaultTtl", "must be 0 or more seconds");
        }
        if (config.MaxTtl < config.MinTtl || (config.DefaultTtl is { } d && (d < config.MinTtl || d > config.MaxTtl)))
        {
            Error(path, "needs minTtl <= defaultTtl <= maxTtl");
        }
        var query = KeyItems(config.QueryStrings, $"{path}.queryStrings", CacheKeyItemsBehavior.All,
            [CacheKeyItemsBehavior.None, CacheKeyItemsBehavior.Whitelist, CacheKeyItemsBehavior.AllExcept, CacheKeyItemsBehavior.All]);
        var headers = KeyItems(config.Headers, $"{path}.headers", CacheKeyItemsBehavior.None,
            [CacheKeyItemsBehavior.None, CacheKeyItemsBehavior.Whitelist]);
        var cookies = KeyItems(config.Cookies, $"{path}.cookies", CacheKeyItemsBehavior.None,
            [CacheKeyItemsBehavior.None, CacheKeyItemsBehavior.Whitelist, CacheKeyItemsBehavior.AllExcept, CacheKeyItemsBehavior.All]);
        return new CachePolicyModel
        {
            Ttl = new TtlBounds(TimeSpan.FromSeconds(Math.Max(0, config.MinTtl)),
                config.DefaultTtl is { } ttl ? TimeSpan.FromSeconds(Math.Max(0, ttl)) : null,
                TimeSpan.FromSeconds(Math.Max(0, config.MaxTtl))),
            QueryStrings = query,
            QueryStringNames = (config.QueryStrings?.Items ?? []).ToHashSet(StringComparer.Ordinal),
            Headers = headers == CacheKeyItemsBehavior.Whitelist
                ? config.Headers!.Items.Select(h => h.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray()
                : [],
            Cookies = cookies,
            CookieNames = (config.Cookies?.Items ?? []).ToHashSet(StringComparer.Ordinal),
        };
    }

    private CacheKeyItemsBehavior KeyItems(CacheKeyItemsConfig? config, string path, CacheKeyItemsBehavior fallback,
        CacheKeyItemsBehavior[] allowed)
    {
        if (config?.Behavior is null)
        {
            return fallback;
        }
        var match = allowed.FirstOrDefault(b => string.Equals(b.ToString(), config.Behavior, StringComparison.OrdinalIgnoreCase), (CacheKeyItemsBehavior)(-1));
        if ((int)match < 0)
        {
            Error($"{path}.behavior", $"'{config.Behavior}' is not one of {string.Join(", ", allowed.Select(a => a.ToString().ToLowerInvariant()))}");
            return fallback;
        }
        if (match is CacheKeyItemsBehavior.Whitelist or CacheKeyItemsBehavior.AllExcept && config.Items.Count == 0)
        {
            Error($"{path}.items", $"'{config.Behavior}' needs at least one name");
        }
        return match;
    }

    private void Error(string path, string message) => _errors.Add(new ConfigError(_file, path, message));
}
