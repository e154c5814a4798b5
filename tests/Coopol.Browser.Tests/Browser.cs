using Coopol.Data.DemoData;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>Debian's Chromium as the tests drive it, and the steps every test takes (signing in, screenshots).</summary>
public static class Browser
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // A cold server on a busy machine (its first queries compile) answers in more than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        return Launch(playwright);
    }

    private static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("COOPOL_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ChromiumArgs,
    });

    /// <summary>Where screenshots go (ignored by git): look at them after a run.</summary>
    public static string ShotsDirectory()
    {
        var shots = Path.Combine(ServedApp.RepoRoot(), "tests", "Coopol.Browser.Tests", "TestResults");
        Directory.CreateDirectory(shots);
        return shots;
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsDirectory(), name + ".png"), FullPage = true });

    public static async Task SignInAsync(IPage page, string baseUrl, DemoUsers.DemoUser user)
    {
        await page.GotoAsync($"{baseUrl}/signin");
        await page.Locator($"[data-testid=dev-user][data-email='{user.Email}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("viewer-name")).ToContainTextAsync(user.FirstName);
    }
}
