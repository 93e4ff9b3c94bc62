using System.Text.Json;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// Runs the function bound to one event: builds the event, invokes it, validates and applies the
/// result, meters the invocation, and on failure writes CloudFront's error answer (502 validation,
/// 503 execution or limit).
/// </summary>
internal sealed class EdgeFunctionInvoker
{
    private readonly FunctionRuntime _runtime;
    private readonly EventInputBuilder _inputs;
    private readonly ILogger _logger;
    private readonly UsageMeter? _meter;
    private readonly Observability.EdgeMetrics? _metrics;

    /// <param name="meter">Null when metering is off (no regional origin, <c>Metering:Enabled</c> false).</param>
    /// <param name="metrics">Null when <c>Metrics:Enabled</c> is false.</param>
    public EdgeFunctionInvoker(FunctionRuntime runtime, EventInputBuilder inputs, ILogger<EdgeFunctionInvoker> logger, UsageMeter? meter = null,
        Observability.EdgeMetrics? metrics = null)
    {
        _metrics = metrics;
        _runtime = runtime;
        _inputs = inputs;
        _logger = logger;
        _meter = meter;
    }

    /// <summary>
    /// Runs the behaviour's function for <paramref name="type"/>, if one is bound and CloudFront would
    /// run it: viewer-response is skipped for origin errors (400 and up) unless the distribution opts in.
    /// </summary>
    public ValueTask<EventOutcome> RunEventAsync(HttpContext context, EdgeRequestFeature edge, EdgeEventType type)
    {
        if (edge.Behavior.FunctionFor(type) is not { } binding ||
            (type == EdgeEventType.ViewerResponse && edge.OriginStatus >= 400 && !edge.Distribution.RunViewerResponseOnErrors))
        {
            return ValueTask.FromResult(EventOutcome.Continue);
        }
        return RunAsync(context, edge, binding);
    }

    /// <summary>Runs the function bound to a request or response event and applies its result.</summary>
    public async ValueTask<EventOutcome> RunAsync(HttpContext context, EdgeRequestFeature edge, FunctionBinding binding)
    {
        // A weighted alias: this invocation runs one of its two functions, chosen afresh each time as Lambda does.
        binding = binding.Choose(Random.Shared.NextDouble());
        var input = await _inputs.BuildAsync(context, edge, binding, context.RequestAborted);
        using var result = await _runtime.InvokeAsync(binding.Function, input, context.RequestAborted);
        string? error = null;
        GeneratedResponse? generated = null;
        byte[]? body = null;
        if (result.Outcome == InvocationOutcome.Ok)
        {
            error = ApplyResult(result.Result, result.IsDelta, context, edge, binding, out generated, out body);
        }
        // Metered before anything of the result reaches the viewer or the origin (the write-ahead rule
        // of docs/usage-contract.md): an answered invocation is always on disk. A result the node
        // refused is the function's doing, so it is billed as "invalid".
        _meter?.Record(binding.Function, binding.EventType, error is null ? result.Outcome : InvocationOutcome.InvalidResult, result.Duration);
        _metrics?.ForFunction(binding.Function, binding.EventType).Record(result.Outcome, error is not null, result.Duration, result.InitDuration);
        if (!await SucceededAsync(context, edge, binding, result))
        {
            return EventOutcome.Failed;
        }
        if (error is not null)
        {
            return await ValidationFailedAsync(context, edge, binding, error);
        }
        return generated is not null ? new EventOutcome(EventVerdict.Generated, generated) : new EventOutcome(EventVerdict.Continue, ReplacedBody: body);
    }

    /// <summary>
    /// Validates a function's result and, when valid, applies it to the request or response; returns
    /// what is wrong otherwise. Shared by the node and <c>edge test</c>, so both judge results alike.
    /// </summary>
    public static string? ApplyResult(JsonElement value, bool isDelta, HttpContext context, EdgeRequestFeature edge, FunctionBinding binding,
        out GeneratedResponse? generated, out byte[]? replacedBody)
    {
        generated = null;
        replacedBody = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject(value);
        }
        if (!binding.EventType.IsRequestEvent())
        {
            return ResponseResultApplier.Apply(value, context, edge, binding.EventType, out replacedBody,
                statusChangeable: binding.Function.CloudFrontVersion is not null);
        }
        if (!isDelta && value.TryGetProperty("status", out _))
        {
            generated = GeneratedResponse.Read(value, EdgeLimits.GeneratedResponseLimit(binding.EventType), out var error);
            return error;
        }
        return RequestResultApplier.Apply(value, context, edge, binding);
    }

    private static string NotAnObject(JsonElement value) =>
        $"the result is {(value.ValueKind == JsonValueKind.Null ? "null" : value.ValueKind.ToString().ToLowerInvariant())}, not an object";

    private async ValueTask<bool> SucceededAsync(HttpContext context, EdgeRequestFeature edge, FunctionBinding binding, FunctionInvocationResult result)
    {
        var eventName = binding.EventType.ToWireName();
        switch (result.Outcome)
        {
            case InvocationOutcome.Ok:
                return true;
            case InvocationOutcome.InvalidResult:
                await ValidationFailedAsync(context, edge, binding, result.Message!);
                return false;
            case InvocationOutcome.ExecutionError:
                EdgeLog.FunctionExecutionError(_logger, edge.RequestId, eventName, binding.Function.Name, result.Message!);
                await EdgeErrorWriter.WriteAsync(context, EdgeErrorKind.FunctionExecution, edge.RequestId);
                return false;
            default:
                EdgeLog.FunctionLimitExceeded(_logger, edge.RequestId, eventName, binding.Function.Name, result.Outcome.ToString(), result.Message!);
                await EdgeErrorWriter.WriteAsync(context, EdgeErrorKind.FunctionLimit, edge.RequestId);
                return false;
        }
    }

    private async ValueTask<EventOutcome> ValidationFailedAsync(HttpContext context, EdgeRequestFeature edge, FunctionBinding binding, string error)
    {
        EdgeLog.FunctionValidationError(_logger, edge.RequestId, binding.EventType.ToWireName(), binding.Function.Name, error);
        await EdgeErrorWriter.WriteAsync(context, EdgeErrorKind.FunctionValidation, edge.RequestId);
        return EventOutcome.Failed;
    }
}
