using EdgeCompute.EdgeNode.Model;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>
/// The per-event rules of DESIGN §3 that the node enforces when it loads a snapshot. Checked here
/// at bind time, and whenever bound code or settings change, because one tenant's binding that a
/// node refuses would stop every tenant's change from reaching it.
/// </summary>
internal static class BindingRules
{
    public static EdgeEventType ParseEvent(string eventName) =>
        EdgeEventTypeExtensions.TryParse(eventName, out var type)
            ? type
            : throw RegistryProblemException.Invalid(
                $"'{eventName}' is not an event; use viewer-request, origin-request, origin-response or viewer-response");

    public static void Check(string eventName, bool includeBody, BindingTarget target)
    {
        var type = ParseEvent(eventName);
        var name = $"{target.FunctionName}:{target.Qualifier}";
        if (includeBody && !type.IsRequestEvent())
        {
            throw RegistryProblemException.Invalid($"includeBody applies to request events only, not {eventName}");
        }
        if (target.Settings.IsCloudFrontFunction && type.IsOriginEvent())
        {
            throw RegistryProblemException.Invalid(
                $"{name} is a CloudFront Function ({target.Settings.Runtime}): it can only be bound to viewer-request and viewer-response");
        }
        if (!type.IsOriginEvent() && target.Settings.MemorySize > 128)
        {
            throw RegistryProblemException.Invalid($"{name} has {target.Settings.MemorySize} MB; viewer events allow at most 128 MB");
        }
        if (!type.IsOriginEvent() && target.Settings.Timeout > EdgeLimits.ViewerTimeout.TotalSeconds)
        {
            throw RegistryProblemException.Invalid($"{name} has a {target.Settings.Timeout} s timeout; viewer events allow at most 5 s");
        }
        var limit = type.IsOriginEvent() ? EdgeLimits.OriginCodeSizeLimit : EdgeLimits.ViewerCodeSizeLimit;
        if (target.PackageSize > limit)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.CodeTooLargeForEvent,
                $"{name} is {target.PackageSize} bytes compressed (code and layers); {eventName} allows at most {limit}");
        }
    }
}
