using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>Puts the edge pipeline in front of every request the traffic listener receives.</summary>
public static class EdgeNodeApplicationBuilderExtensions
{
    public static IApplicationBuilder MapEdgeNode(this IApplicationBuilder app)
    {
        var handler = app.ApplicationServices.GetRequiredService<EdgeRequestHandler>();
        // Terminal: every path belongs to the distributions (no routing table can shadow a viewer path).
        app.Run(handler.HandleAsync);
        return app;
    }
}
