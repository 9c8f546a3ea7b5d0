using System.Globalization;
using Contracts.Emulator.Dialects;
using Contracts.Emulator.Media;
using Contracts.Emulator.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Contracts.Emulator.Hosting;

/// <summary>Builds the Kestrel application: every operation of the four specs, the media endpoints, a 404 for the rest.</summary>
internal static class EmulatorApplication
{
    public static IEnumerable<OperationDescriptor> Operations()
        => GoAmzEndpoints.V35().Concat(GoAmzEndpoints.V30()).Concat(TaskEndpoints.All()).Concat(NativeEndpoints.All());

    public static WebApplication Build(EmulatorRuntime runtime)
    {
        // The empty builder reads no appsettings.json, environment variables or arguments: an emulator embedded in a
        // test or the CLI must not pick up the host application's Kestrel endpoints or logging settings.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls("http://127.0.0.1:" + runtime.Options.Port.ToString(CultureInfo.InvariantCulture));
        builder.Services.AddRoutingCore();
        // The callback timer runs for the host's lifetime; the runtime owns (and disposes) the dispatcher.
        builder.Services.AddSingleton<IHostedService>(runtime.Callbacks);
        var app = builder.Build();

        var pipeline = new OperationPipeline(runtime);
        foreach (var operation in Operations())
        {
            app.MapMethods(operation.Route, [operation.Method], context => pipeline.ExecuteAsync(context, operation));
        }
        MediaEndpoints.Map(app, runtime);
        app.MapFallback(NotFoundAsync);
        return app;
    }

    private static async Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync($$"""{"detail":"Not Found: {{context.Request.Method}} {{context.Request.Path}} is not an operation of any dialect"}""", context.RequestAborted).ConfigureAwait(false);
    }
}
