using System.Text.Json;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>What the campaign map tests ask the page: when its zones are drawn, how much of the canvas they cover,
/// and where a place is on the screen (through <c>window.__coopolMap</c>, the page's MapLibre map).</summary>
public static class MapPages
{
    /// <summary>The map has nothing left to load or draw, and zones of the layer are on the screen.</summary>
    public static Task WaitForZonesAsync(IPage page) => page.WaitForFunctionAsync("""
        () => {
          const map = window.__coopolMap;
          const container = document.querySelector('[data-testid=map]');
          return !!map && container?.dataset.idle === 'true' && map.areTilesLoaded()
            && map.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0;
        }
        """, null, new PageWaitForFunctionOptions { PollingInterval = 200 });

    public sealed record Coverage(double Share, int Colours);

    /// <summary>The share of the map's pixels that are not its background, and how many colours they take, read from a
    /// screenshot of the canvas (so WebGL needs no preserveDrawingBuffer); the legend and buttons over it are hidden.</summary>
    public static async Task<Coverage> CoverageAsync(IPage page)
    {
        const string overlays = ".map-legend-overlay, .maplibregl-control-container";
        await page.EvaluateAsync($"() => {{ document.querySelectorAll('{overlays}').forEach(e => e.style.visibility = 'hidden'); }}");
        var png = await page.Locator("[data-testid=map] canvas").ScreenshotAsync();
        await page.EvaluateAsync($"() => {{ document.querySelectorAll('{overlays}').forEach(e => e.style.visibility = ''); }}");
        var result = await page.EvaluateAsync<JsonElement>("""
            async (base64) => {
              const image = new Image();
              image.src = 'data:image/png;base64,' + base64;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.width;
              canvas.height = image.height;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let drawn = 0;
              const colours = new Set();
              for (let i = 0; i < data.length; i += 4) {
                const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
                // the background is #eef1f5
                if (Math.abs(r - 0xee) + Math.abs(g - 0xf1) + Math.abs(b - 0xf5) > 24) {
                  drawn++;
                  colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
                }
              }
              return { share: drawn / (data.length / 4), colours: colours.size };
            }
            """, Convert.ToBase64String(png));
        return new Coverage(result.GetProperty("share").GetDouble(), result.GetProperty("colours").GetInt32());
    }

    public sealed record ScreenPoint(double X, double Y, string[] Zones);

    /// <summary>Where a longitude/latitude is on the page, and the zones drawn there.</summary>
    public static async Task<ScreenPoint> PointAsync(IPage page, double longitude, double latitude)
    {
        var found = await page.EvaluateAsync<JsonElement>("""
            ([lon, lat]) => {
              const map = window.__coopolMap;
              const point = map.project([lon, lat]);
              const box = map.getCanvas().getBoundingClientRect();
              const zones = map.queryRenderedFeatures(point, { layers: ['zones-fill'] }).map(f => String(f.properties.id));
              return { x: box.left + point.x, y: box.top + point.y, zones };
            }
            """, new[] { longitude, latitude });
        return new ScreenPoint(found.GetProperty("x").GetDouble(), found.GetProperty("y").GetDouble(),
            found.GetProperty("zones").EnumerateArray().Select(z => z.GetString()!).ToArray());
    }

    public static Task JumpToAsync(IPage page, double longitude, double latitude, double zoom) =>
        page.EvaluateAsync("([lon, lat, zoom]) => { window.__coopolMap.jumpTo({ center: [lon, lat], zoom }); }", new[] { longitude, latitude, zoom });
}
