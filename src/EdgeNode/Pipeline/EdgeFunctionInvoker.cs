using System.Text.Json;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// Runs the function bound to one event: builds the event, invokes it, validates and applies the
/// result, and on failure writes CloudFront's error answer (502 validation, 503 execution or limit).
/// </summary>
internal sealed class EdgeFunctionInvoker
{
    private readonly FunctionRuntime _runtime;
    private readonly EventInputBuilder _inputs;
    private readonly ILogger _logger;

    public EdgeFunctionInvoker(FunctionRuntime runtime, EventInputBuilder inputs, ILogger<EdgeFunctionInvoker> logger)
    {
        _runtime = runtime;
        _inputs = inputs;
        _logger = logger;
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
        if (!await SucceededAsync(context, edge, binding, result))
        {
            return EventOutcome.Failed;
        }
        var error = ApplyResult(result.Result, result.IsDelta, context, edge, binding, out var generated, out var body);
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
