using Contracts.Emulator.Content;
using Contracts.Emulator.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Emulator.Media;

/// <summary>
/// The emulator's "CDN": clip audio (<c>emulator/media/{id}.wav</c>, and the same bytes at
/// <c>emulator/stream/{id}</c> while a clip streams) and cover images (<c>{id}.png</c>, <c>{id}.large.png</c>).
/// No auth, as CDN links work without the API key.
/// </summary>
internal static class MediaEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorRuntime runtime)
    {
        routes.MapGet("emulator/media/{file}", context => ServeMediaAsync(context, runtime));
        routes.MapGet("emulator/stream/{clipId}", context => ServeAsync(context, runtime, context.Request.RouteValues["clipId"]?.ToString() ?? "", ".wav"));
    }

    private static Task ServeMediaAsync(HttpContext context, EmulatorRuntime runtime)
    {
        var file = context.Request.RouteValues["file"]?.ToString() ?? "";
        foreach (var extension in new[] { ".large.png", ".png", ".wav" })
        {
            if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return ServeAsync(context, runtime, file[..^extension.Length], extension);
            }
        }
        return NotFoundAsync(context);
    }

    private static async Task ServeAsync(HttpContext context, EmulatorRuntime runtime, string id, string extension)
    {
        if (Seed(runtime, id) is not { } seed)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }
        var (bytes, contentType) = extension switch
        {
            ".wav" => (WavWriter.Write(ToneSynthesizer.Synthesize(seed, runtime.Options.ClipDuration), ToneSynthesizer.SampleRate), "audio/wav"),
            ".large.png" => (CoverArt.Png(seed, CoverArt.LargeSize), "image/png"),
            _ => (CoverArt.Png(seed, CoverArt.Size), "image/png"),
        };
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A clip's seed, or for an upload not yet turned into a clip (<c>m_</c> + upload id) its URL's hash.</summary>
    private static uint? Seed(EmulatorRuntime runtime, string id)
    {
        if (runtime.Store.FindClip(id) is { } clip)
        {
            return clip.Seed;
        }
        if (id.StartsWith("m_", StringComparison.Ordinal) && runtime.Store.FindUpload(id[2..]) is { } upload)
        {
            return StableHash.Of(upload.Url);
        }
        return null;
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("no such media", context.RequestAborted);
    }
}
