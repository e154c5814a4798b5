using System.Text.RegularExpressions;
using Coopol.Data.DemoData;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>The whole chain of the issue "Actions and door-to-door", in Chromium at phone size: a supporter finds the
/// demo's door-to-door near postcode 29200 and joins it; its organizer sees the attendance against the target and splits
/// the turf; the supporter takes a share and records door reports with the network off, then back on; the national
/// team's review by polling station shows them. Screenshots go to TestResults/.</summary>
[Collection(ServedApp.Collection)]
public sealed class DoorToDoorChainTests(ServedApp app)
{
    private const string ActionTitle = "Porte-à-porte à Saint-Martin";
    private const int Reports = 6;

    private static async Task<(IBrowserContext Context, IPage Page)> PhoneAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return (context, page);
    }

    [Fact]
    public async Task ASupporterJoinsNearAPostcodeKnocksDoorsOfflineAndTheNationalReviewShowsThem()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // 1. The supporter finds the action near 29200 and joins it.
        var (supporterContext, supporter) = await PhoneAsync(browser);
        await Browser.SignInAsync(supporter, app.BaseUrl, DemoUsers.Supporter);
        await supporter.GetByTestId("nav-actions").ClickAsync();
        await supporter.GetByTestId("nearby-place-input").FillAsync("29200");
        await supporter.GetByTestId("nearby-search").ClickAsync();
        await Assertions.Expect(supporter.GetByTestId("nearby-place")).ToContainTextAsync("Brest");
        var row = supporter.GetByTestId("action-row").Filter(new() { HasText = ActionTitle });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Browser.ShotAsync(supporter, "chain-1-near-29200");
        await row.GetByTestId("action-link").ClickAsync();
        await Assertions.Expect(supporter.GetByTestId("action-title")).ToContainTextAsync(ActionTitle);
        var actionUrl = supporter.Url;
        await supporter.GetByTestId("action-join").ClickAsync();
        await Assertions.Expect(supporter.GetByTestId("participation")).ToHaveAttributeAsync("data-status", "CONFIRMED");
        await Browser.ShotAsync(supporter, "chain-2-joined");
        (await supporter.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();

        // 2. The organizer sees the attendance against the target, and who came; she splits the turf in two.
        var (organizerContext, organizer) = await PhoneAsync(browser);
        await Browser.SignInAsync(organizer, app.BaseUrl, DemoUsers.SectionSecretary);
        await organizer.GotoAsync(actionUrl);
        var attendance = organizer.GetByTestId("attendance");
        await Assertions.Expect(attendance).ToHaveAttributeAsync("data-target", "8");
        await Assertions.Expect(attendance).ToHaveAttributeAsync("data-confirmed", new Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(organizer.GetByTestId("participants")).ToContainTextAsync($"{DemoUsers.Supporter.FirstName} {DemoUsers.Supporter.LastName}");
        await organizer.GetByTestId("turf-share-count").FillAsync("2");
        await organizer.GetByTestId("turf-split-submit").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("turf-share")).ToHaveCountAsync(2);
        await Browser.ShotAsync(organizer, "chain-3-organizer");

        // 3. The supporter takes a share and reports doors of one street with the network off.
        await supporter.ReloadAsync();
        await supporter.GetByTestId("take-share").ClickAsync();
        await Assertions.Expect(supporter.GetByTestId("walk-list")).ToBeVisibleAsync();
        var street = supporter.GetByTestId("street").Filter(new() { Has = supporter.GetByTestId("door").Nth(Reports - 1) }).First;
        await Assertions.Expect(street).ToBeVisibleAsync();
        await supporterContext.SetOfflineAsync(true);
        for (var i = 0; i < Reports; i++)
        {
            await street.GetByTestId("door").Nth(i).ClickAsync();
            var sheet = supporter.GetByTestId("report-sheet");
            await sheet.GetByTestId(i % 2 == 0 ? "outcome-OPENED" : "outcome-INTERESTED").ClickAsync();
            await sheet.GetByTestId("report-save").ClickAsync();
            await Assertions.Expect(sheet).ToHaveCountAsync(0);
        }
        await Assertions.Expect(supporter.GetByTestId("reports-waiting")).ToHaveAttributeAsync("data-count", Reports.ToString());
        await Browser.ShotAsync(supporter, "chain-4-offline");
        await supporterContext.SetOfflineAsync(false);
        await Assertions.Expect(supporter.GetByTestId("reports-waiting")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(supporter.GetByTestId("reports-rejected")).ToHaveCountAsync(0);
        await Assertions.Expect(street.GetByTestId("door").Nth(0)).ToHaveAttributeAsync("data-outcome", "OPENED");
        await Browser.ShotAsync(supporter, "chain-5-sent");

        // 4. The national team's review by polling station shows the doors knocked in that street's station.
        var (nationalContext, national) = await PhoneAsync(browser);
        await Browser.SignInAsync(national, app.BaseUrl, DemoUsers.National);
        await national.GotoAsync($"{app.BaseUrl}/review?level=STATION");
        var reviewed = national.GetByTestId("review-row").Filter(new() { Has = national.GetByTestId("review-doorsKnocked").GetByText(Reports.ToString(), new() { Exact = true }) });
        await Assertions.Expect(reviewed).ToHaveCountAsync(1);
        await Assertions.Expect(reviewed).ToHaveAttributeAsync("data-key", new Regex("^29019_1[0-3]$"));
        await Browser.ShotAsync(national, "chain-6-review");
        (await national.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();

        await supporterContext.CloseAsync();
        await organizerContext.CloseAsync();
        await nationalContext.CloseAsync();
    }
}
