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

    public async ValueTask<EventOutcome> RunRequestEventAsync(HttpContext context, EdgeRequestFeature edge, FunctionBinding binding)
    {
        var input = await _inputs.BuildAsync(context, edge, binding, context.RequestAborted);
        using var result = await _runtime.InvokeAsync(binding.Function, input, context.RequestAborted);
        if (!await SucceededAsync(context, edge, binding, result))
        {
            return EventOutcome.Failed;
        }
        var value = result.Result;
        string? error;
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("status", out _))
        {
            var generated = GeneratedResponse.Read(value, EdgeLimits.GeneratedResponseLimit(binding.EventType), out error);
            if (generated is not null)
            {
                return new EventOutcome(EventVerdict.Generated, generated);
            }
        }
        else
        {
            error = value.ValueKind == JsonValueKind.Object
                ? RequestResultApplier.Apply(value, context, edge, binding)
                : NotAnObject(value);
            if (error is null)
            {
                return EventOutcome.Continue;
            }
        }
        return await ValidationFailedAsync(context, edge, binding, error!);
    }

    public async ValueTask<EventOutcome> RunResponseEventAsync(HttpContext context, EdgeRequestFeature edge, FunctionBinding binding)
    {
        var input = await _inputs.BuildAsync(context, edge, binding, context.RequestAborted);
        using var result = await _runtime.InvokeAsync(binding.Function, input, context.RequestAborted);
        if (!await SucceededAsync(context, edge, binding, result))
        {
            return EventOutcome.Failed;
        }
        var value = result.Result;
        byte[]? body = null;
        var error = value.ValueKind == JsonValueKind.Object
            ? ResponseResultApplier.Apply(value, context, edge, binding.EventType, out body)
            : NotAnObject(value);
        return error is null ? new EventOutcome(EventVerdict.Continue, ReplacedBody: body) : await ValidationFailedAsync(context, edge, binding, error);
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
