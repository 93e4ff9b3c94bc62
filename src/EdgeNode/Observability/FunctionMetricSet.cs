using EdgeCompute.EdgeNode.Runtime;
using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// The children of one function version and event. Lives as long as the function's model. An invocation
/// is queued (<see cref="DeferredMetrics"/>) and counted when the queue is applied.
/// </summary>
internal sealed class FunctionMetricSet : IDeferredMetric
{
    private readonly DeferredMetrics _deferred;
    private readonly Counter.Child _invocations;
    private readonly Histogram.Child _duration;
    private readonly Histogram.Child _initDuration;
    private readonly Counter _errors;
    private readonly string[] _labels;
    private readonly Counter.Child?[] _errorChildren = new Counter.Child?[FunctionErrorKinds.Labels.Length];

    public FunctionMetricSet(EdgeMetrics metrics, string function, string version, string eventName)
    {
        _labels = [function, version, eventName];
        _invocations = metrics.Invocations.WithLabels(_labels);
        _duration = metrics.Duration.WithLabels(_labels);
        _initDuration = metrics.InitDuration.WithLabels(_labels);
        _errors = metrics.Errors;
        _deferred = metrics.Deferred;
    }

    /// <param name="resultRefused">The node refused an <see cref="InvocationOutcome.Ok"/> result (validation).</param>
    public void Record(InvocationOutcome outcome, bool resultRefused, TimeSpan duration, TimeSpan initDuration) =>
        _deferred.Add(new MetricUpdate(this, FunctionErrorKinds.Of(outcome, resultRefused) is { } kind ? (int)kind : -1,
            duration.TotalSeconds, initDuration.Ticks));

    /// <summary>Code: the error kind, or -1; Value: the duration in seconds; Ticks: the init duration (0: warm).</summary>
    public void Apply(in MetricUpdate update)
    {
        _invocations.Inc();
        _duration.Observe(update.Value);
        if (update.Ticks > 0)
        {
            _initDuration.Observe(TimeSpan.FromTicks(update.Ticks).TotalSeconds);
        }
        if (update.Code >= 0)
        {
            var child = _errorChildren[update.Code] ??= _errors.WithLabels(_labels[0], _labels[1], _labels[2], FunctionErrorKinds.Labels[update.Code]);
            child.Inc();
        }
    }
}
