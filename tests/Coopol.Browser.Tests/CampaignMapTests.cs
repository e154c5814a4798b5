using System.Text.RegularExpressions;
using Coopol.Data.DemoData;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>In Debian's Chromium, on the Brest open data: the national team sees the turnout map drawn from the API's
/// vector tiles, clicks Brest's polling station 76 and reads both rounds of the 2024 législatives there, on a desk and
/// on a phone; the results review goes down to Brest's stations and shows one on the map; a mapped results file is
/// checked in a dry run. Screenshots go to TestResults/.</summary>
[Collection(ServedApp.Collection)]
public sealed class CampaignMapTests(ServedApp app)
{
    /// <summary>Inside the contour of station 29019_76 (Groupe scolaire Kerinou), some 190 m from its edges.</summary>
    private const double StationLongitude = -4.4886, StationLatitude = 48.4096;

    [Theory]
    [InlineData("desk", 1280, 900, false)]
    [InlineData("phone", 390, 844, true)]
    public async Task TheNationalTeamClicksAStationAndReadsBothRoundsOfThe2024Legislatives(string name, int width, int height, bool phone)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB", ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.National);

        await page.GetByTestId("nav-map").ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Campaign map · Coopol");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("map-legend-class")).ToHaveCountAsync(5);
        await MapPages.WaitForZonesAsync(page);
        var coverage = await MapPages.CoverageAsync(page);
        coverage.Share.ShouldBeGreaterThan(0.1, "the map's canvas is (almost) all background: the zones were not drawn");
        coverage.Colours.ShouldBeGreaterThanOrEqualTo(4, "the zones are drawn in fewer colours than the legend's classes");
        await Browser.ShotAsync(page, $"map-{name}-1-turnout");

        // Brest's station 76, clicked where the map draws it.
        await MapPages.JumpToAsync(page, StationLongitude, StationLatitude, 14);
        await MapPages.WaitForZonesAsync(page);
        var point = await MapPages.PointAsync(page, StationLongitude, StationLatitude);
        point.Zones.ShouldContain("29019_76");
        if (phone) await page.Touchscreen.TapAsync((float)point.X, (float)point.Y);
        else await page.Mouse.ClickAsync((float)point.X, (float)point.Y);

        var panel = page.GetByTestId("station-panel");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-station", "29019_76");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]station=29019_76(&|$)"));
        await Assertions.Expect(page.GetByTestId("station-name")).ToContainTextAsync("KERINOU");
        var rounds = panel.GetByTestId("station-round");
        await Assertions.Expect(rounds).ToHaveCountAsync(2);
        await Assertions.Expect(rounds.Nth(0)).ToHaveAttributeAsync("data-round", "1");
        await Assertions.Expect(rounds.Nth(0).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Round 1");
        await Assertions.Expect(rounds.Nth(0)).ToContainTextAsync("Législatives 2024 – 1er tour");
        await Assertions.Expect(rounds.Nth(0)).ToContainTextAsync("CADALEN");
        await Assertions.Expect(rounds.Nth(0).GetByTestId("station-candidate")).ToHaveCountAsync(10);
        await Assertions.Expect(rounds.Nth(1).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Round 2");
        await Assertions.Expect(rounds.Nth(1)).ToContainTextAsync("Législatives 2024 – 2d tour");
        await Assertions.Expect(rounds.Nth(1).GetByTestId("station-candidate").First).ToContainTextAsync("CADALEN");
        await Assertions.Expect(rounds.Nth(1).GetByTestId("station-candidate").First).ToContainTextAsync("elected");
        await Assertions.Expect(page.GetByTestId("station-layer-value")).ToContainTextAsync("Turnout");

        // Side by side at a desk, one under the other on a phone; nothing scrolls sideways.
        var first = (await rounds.Nth(0).BoundingBoxAsync())!;
        var second = (await rounds.Nth(1).BoundingBoxAsync())!;
        if (phone) second.Y.ShouldBeGreaterThan(first.Y + first.Height - 1);
        else
        {
            second.X.ShouldBeGreaterThan(first.X + first.Width - 1);
            second.Y.ShouldBe(first.Y, 1);
        }
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        // The station stays in view beside (or above) the panel.
        var box = (await panel.BoundingBoxAsync())!;
        var station = await MapPages.PointAsync(page, StationLongitude, StationLatitude);
        if (phone) station.Y.ShouldBeLessThan(box.Y);
        else station.X.ShouldBeLessThan(box.X);
        await Browser.ShotAsync(page, $"map-{name}-2-station");

        await page.GetByTestId("station-close").ClickAsync();
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("station="));
    }

    [Fact]
    public async Task TheReviewGoesDownToBrestsStationsAndShowsOneOnTheMap()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" })).NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.National);

        await page.GetByTestId("nav-results").ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Results review · Coopol");
        await page.GetByRole(AriaRole.Button, new() { Name = "France: see its zones" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finistère: see its zones" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "29-02: see its zones" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Brest: see its zones" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("level=STATION.*commune=29019"));
        await Assertions.Expect(page.GetByTestId("results-total")).ToHaveAttributeAsync("data-total", "78");
        await Assertions.Expect(page.GetByTestId("results-row")).ToHaveCountAsync(25);
        await Assertions.Expect(page.GetByTestId("results-crumb")).ToHaveTextAsync(["National total", "All federations", "Finistère", "29-02", "Brest"]);

        // Compared with the first round, the highest turnout first; then the next page.
        // (The boxes follow the URL, which a navigation updates: clicked, then read once it has.)
        await page.GetByTestId("results-compare").ClickAsync();
        await Assertions.Expect(page.GetByTestId("results-compare")).ToBeCheckedAsync();
        await page.GetByTestId("results-sort").SelectOptionAsync("TURNOUT");
        await page.GetByTestId("results-descending").ClickAsync();
        await Assertions.Expect(page.GetByTestId("results-descending")).ToBeCheckedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("desc=1"));
        await Assertions.Expect(page.GetByTestId("results-turnout").First).ToContainTextAsync("pts");
        // The rows of the new order replace the old ones when they come.
        List<double> values = [];
        for (var tries = 0; tries < 50; tries++, await Task.Delay(200))
        {
            values = (await page.GetByTestId("results-turnout").AllInnerTextsAsync())
                .Select(t => double.Parse(Regex.Match(t, @"[\d.]+").Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (values.Count == 25 && values.SequenceEqual(values.OrderByDescending(v => v))) break;
        }
        values.ShouldBe(values.OrderByDescending(v => v).ToList());
        values.ShouldNotBe(values.OrderBy(v => v).ToList());
        var firstOfPage1 = await page.GetByTestId("results-row").First.GetAttributeAsync("data-code");
        await page.GetByTestId("results-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("results-page-number")).ToHaveTextAsync("Page 2");
        // Page 2's rows, not page 1's still on screen while they come (a busy machine showed the difference).
        await Assertions.Expect(page.GetByTestId("results-row").First).Not.ToHaveAttributeAsync("data-code", firstOfPage1!);
        await Assertions.Expect(page.GetByTestId("results-row")).ToHaveCountAsync(25);
        await Browser.ShotAsync(page, "results-desk-brest-stations");

        var row = page.GetByTestId("results-row").First;
        var code = await row.GetAttributeAsync("data-code");
        await row.GetByTestId("results-map-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/map\?election=[^&]+&station={code}$"));
        await Assertions.Expect(page.GetByTestId("station-panel")).ToHaveAttributeAsync("data-station", code!);
        await Assertions.Expect(page.GetByTestId("station-round")).ToHaveCountAsync(2);
        await MapPages.WaitForZonesAsync(page);
        await Browser.ShotAsync(page, "results-desk-station-on-map");
    }

    [Fact]
    public async Task AResultsFileInTheCitysLayoutIsCheckedInADryRunThroughItsColumns()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" })).NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.National);
        var file = Path.Combine(DemoOpenData.FindFolder(null, AppContext.BaseDirectory)!, "results", "legislatives-2022-t1-brest-circo-2903-par-bureau-ville.csv");

        await page.GetByTestId("nav-imports").ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Imports · Coopol");
        await page.GetByTestId("import-kind").SelectOptionAsync("results-mapped");
        await page.GetByTestId("import-file").SetInputFilesAsync(file);
        await Assertions.Expect(page.GetByTestId("mapping-stationColumn")).ToHaveValueAsync("Numéro");
        await Assertions.Expect(page.GetByTestId("mapping-candidates")).ToHaveAttributeAsync("data-count", "9");
        await page.GetByTestId("import-option-election").SelectOptionAsync("legislatives");
        await page.GetByTestId("import-option-date").FillAsync("2022-06-12");
        await page.GetByTestId("import-option-round").SelectOptionAsync("1");
        await page.GetByTestId("mapping-commune").FillAsync("29019");
        await Assertions.Expect(page.GetByTestId("import-dry-run")).ToBeCheckedAsync();
        await page.GetByTestId("import-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-status")).ToHaveAttributeAsync("data-phase", "done");
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Dry run, nothing changed");
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("26 polling stations");
        await Assertions.Expect(page.GetByTestId("import-report").First).ToContainTextAsync("legislatives-2022-t1-brest-circo-2903-par-bureau-ville.csv");
        await Browser.ShotAsync(page, "imports-desk-dry-run");
    }
}
