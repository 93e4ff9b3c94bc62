using EdgeCompute.EdgeNode.Runtime;
using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>The children of one function version and event. Lives as long as the function's model.</summary>
internal sealed class FunctionMetricSet
{
    private readonly Counter.Child _invocations;
    private readonly BufferedHistogram _duration;
    private readonly Histogram.Child _initDuration;
    private readonly Counter _errors;
    private readonly string[] _labels;
    private readonly Counter.Child?[] _errorChildren = new Counter.Child?[FunctionErrorKinds.Labels.Length];

    public FunctionMetricSet(EdgeMetrics metrics, string function, string version, string eventName)
    {
        _labels = [function, version, eventName];
        _invocations = metrics.Invocations.WithLabels(_labels);
        _duration = metrics.DurationOf(_labels);
        _initDuration = metrics.InitDuration.WithLabels(_labels);
        _errors = metrics.Errors;
    }

    /// <param name="resultRefused">The node refused an <see cref="InvocationOutcome.Ok"/> result (validation).</param>
    public void Record(InvocationOutcome outcome, bool resultRefused, TimeSpan duration, TimeSpan initDuration)
    {
        _invocations.Inc();
        _duration.Observe(duration);
        if (initDuration > TimeSpan.Zero)
        {
            // Cold starts only: observed straight into prometheus-net.
            _initDuration.Observe(initDuration.TotalSeconds);
        }
        if (FunctionErrorKinds.Of(outcome, resultRefused) is { } kind)
        {
            var child = _errorChildren[(int)kind] ??= _errors.WithLabels(_labels[0], _labels[1], _labels[2], FunctionErrorKinds.Labels[(int)kind]);
            child.Inc();
        }
    }
}
