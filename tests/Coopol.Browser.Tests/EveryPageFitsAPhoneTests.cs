using System.Text.Json;
using Coopol.Common;
using Coopol.Data.DemoData;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>Each page at 390 px (a phone, in French: the longer words) and at 1280 px (a desk, in English): nothing
/// scrolls sideways, lists are cards on the phone and tables at the desk, and each page sets its own title.
/// Screenshots of both go to TestResults/. On the way, the section search and a member's own consents are used, and
/// the national team's map (filling the screen), results review and imports are opened.</summary>
[Collection(ServedApp.Collection)]
public sealed class EveryPageFitsAPhoneTests(ServedApp app)
{
    private sealed record Screen(string Name, int Width, int Height, string Locale, bool Phone);

    private static readonly Screen[] Screens =
    [
        new("phone", 390, 844, "fr-FR", true),
        new("desk", 1280, 900, "en-GB", false),
    ];

    [Fact]
    public async Task EveryPageFitsA390PixelScreenAndSetsItsTitle()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var brest = GlobalId.Encode("Section", await app.SectionIdAsync(DemoUsers.BrestCentre));

        foreach (var screen in Screens)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = screen.Locale,
                ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
                IsMobile = screen.Phone,
                HasTouch = screen.Phone,
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(20_000);
            var fr = screen.Phone;
            var pages = new PageChecks(page, screen);

            await page.GotoAsync($"{app.BaseUrl}/signin");
            await Assertions.Expect(page.GetByTestId("dev-user").First).ToBeVisibleAsync();
            await pages.CheckAsync("1-signin", fr ? "Connexion · Coopol" : "Sign in · Coopol");

            await page.Locator($"[data-testid=dev-user][data-email='{DemoUsers.SectionSecretary.Email}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("person-row").First).ToBeVisibleAsync();
            await pages.CheckListAsync("people");
            await pages.CheckAsync("2-secretary-home", $"{DemoUsers.BrestCentre} · Coopol");
            if (screen.Phone)
            {
                var tel = page.GetByTestId("person-tel").First;
                await Assertions.Expect(tel).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^tel:\+\d{8,15}$"));
            }

            await page.GetByTestId("person-link").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("person-page")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("person-name")).ToBeFocusedAsync();
            var name = (await page.GetByTestId("person-name").InnerTextAsync()).Trim();
            await pages.CheckAsync("3-person", $"{name} · Coopol");

            await page.GotoAsync($"{app.BaseUrl}/sections/{brest}?sort=NAME_DESC");
            await Assertions.Expect(page.GetByTestId("people-sort")).ToHaveValueAsync("NAME_DESC");
            await Assertions.Expect(page.GetByTestId("person-row").First).ToBeVisibleAsync();
            await pages.CheckAsync("4-section-people", $"{DemoUsers.BrestCentre} · Coopol");

            await page.GetByTestId("delegations-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("grant-delegation-form")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("delegation-row").First).ToBeVisibleAsync();
            await pages.CheckListAsync("delegations");
            await pages.CheckAsync("5-delegations", $"{(fr ? "Délégations" : "Delegations")} · {DemoUsers.BrestCentre} · Coopol");
            await page.GetByTestId("delegation-revoke").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("revoke-dialog-confirm")).ToBeEnabledAsync();
            await pages.CheckFitsAsync("5b-revoke-dialog");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

            // Messaging: the section's messages, its segments (the demo's three), a segment form, the composers, the template.
            await page.GotoAsync($"{app.BaseUrl}/messages?section={brest}");
            await Assertions.Expect(page.GetByTestId("messages-page")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("message-row").First).ToBeVisibleAsync();
            await pages.CheckListAsync("messages");
            await pages.CheckFitsAsync("5e-messages");
            await page.GotoAsync($"{app.BaseUrl}/messages/segments?section={brest}");
            await Assertions.Expect(page.GetByTestId("segment-row").First).ToBeVisibleAsync();
            await pages.CheckListAsync("segments");
            await pages.CheckFitsAsync("5f-segments");
            await page.GotoAsync($"{app.BaseUrl}/messages/segments/new?section={brest}");
            await Assertions.Expect(page.GetByTestId("segment-form")).ToBeVisibleAsync();
            await pages.CheckFitsAsync("5g-segment-form");
            await page.GotoAsync($"{app.BaseUrl}/messages/new?channel=SMS&section={brest}");
            await Assertions.Expect(page.GetByTestId("composer")).ToBeVisibleAsync();
            await pages.CheckFitsAsync("5h-sms-composer");
            await page.GotoAsync($"{app.BaseUrl}/messages/new?channel=EMAIL&section={brest}");
            await Assertions.Expect(page.GetByTestId("composer")).ToBeVisibleAsync();
            await pages.CheckFitsAsync("5i-newsletter-composer");
            await page.GotoAsync($"{app.BaseUrl}/messages/template?section={brest}");
            await pages.CheckFitsAsync("5j-newsletter-template");
            await page.GotoAsync($"{app.BaseUrl}/unsubscribe/not-a-token");
            await pages.CheckFitsAsync("5k-unsubscribe");

            // A federation secretary finds another section of their federation.
            await page.GetByTestId("sign-out").ClickAsync();
            await page.Locator($"[data-testid=dev-user][data-email='{DemoUsers.Federation29.Email}']").ClickAsync();
            await page.GetByTestId("section-search").FillAsync("quimp");
            await Assertions.Expect(page.GetByTestId("section-search-result")).ToHaveCountAsync(1);
            await pages.CheckFitsAsync("5c-section-search");
            await page.GetByTestId("section-search-result").ClickAsync();
            await Assertions.Expect(page.GetByTestId("section-name")).ToBeFocusedAsync();
            await pages.CheckAsync("5d-found-section", "Quimper · Coopol");
            // The membership import wizard, before any file.
            await page.GetByTestId("nav-membership-import").ClickAsync();
            await Assertions.Expect(page.GetByTestId("membership-wizard")).ToBeVisibleAsync();
            await pages.CheckFitsAsync("5e-membership-import");

            await page.GetByTestId("sign-out").ClickAsync();
            await page.Locator($"[data-testid=dev-user][data-email='{DemoUsers.Member.Email}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("consents-panel")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("access-log-panel")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("invitations")).ToBeVisibleAsync();
            await pages.CheckAsync("6-member-home", $"{DemoUsers.Member.FirstName} {DemoUsers.Member.LastName} · Coopol");
            await page.GetByTestId("consents-edit-open").ClickAsync();
            await Assertions.Expect(page.GetByTestId("consents-submit")).ToBeEnabledAsync();
            await pages.CheckFitsAsync("6b-member-consents-form");
            // They change their mind about the news by SMS: one more line in their ledger.
            var lines = await page.GetByTestId("consent-history-row").CountAsync();
            await page.GetByTestId("consent-NEWS-SMS").ClickAsync();
            await page.GetByTestId("consents-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("consents-saved")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("consent-history-row")).ToHaveCountAsync(Math.Min(lines + 1, 20));
            // Their data: download and erasure (not pressed here).
            await page.GotoAsync($"{app.BaseUrl}/me/data");
            await Assertions.Expect(page.GetByTestId("my-data-page")).ToBeVisibleAsync();
            await pages.CheckFitsAsync("6c-my-data");

            // The national team's campaign pages: the map fills the screen, the review is cards or a table, imports.
            await page.GetByTestId("sign-out").ClickAsync();
            await page.Locator($"[data-testid=dev-user][data-email='{DemoUsers.National.Email}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("nav-map")).ToBeVisibleAsync();
            await page.GotoAsync($"{app.BaseUrl}/map");
            await Assertions.Expect(page.GetByTestId("map-legend")).ToBeVisibleAsync();
            await MapPages.WaitForZonesAsync(page);
            await pages.CheckAsync("7-map", fr ? "Carte électorale · Coopol" : "Campaign map · Coopol");
            var map = (await page.GetByTestId("map").BoundingBoxAsync())!;
            map.Height.ShouldBeGreaterThan(screen.Height / 2, "the map fills the screen under the header");
            (map.Y + map.Height).ShouldBe(screen.Height, 1, "the map reaches the bottom of the screen, the page does not scroll");
            if (screen.Phone)
            {
                await page.GetByTestId("map-controls-toggle").ClickAsync();
                await Assertions.Expect(page.GetByTestId("map-layer")).ToBeVisibleAsync();
                await pages.CheckFitsAsync("7b-map-controls");
            }

            await page.GotoAsync($"{app.BaseUrl}/results?level=STATION&commune=29019&compare=1");
            await Assertions.Expect(page.GetByTestId("results-row").First).ToBeVisibleAsync();
            await pages.CheckListAsync("results");
            await pages.CheckAsync("8-results", fr ? "Revue des résultats · Coopol" : "Results review · Coopol");

            await page.GotoAsync($"{app.BaseUrl}/imports");
            await Assertions.Expect(page.GetByTestId("import-form")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("import-report").First).ToBeVisibleAsync();
            await pages.CheckListAsync("import-reports");
            await pages.CheckAsync("9-imports", "Imports · Coopol");

            // Field work: actions near a postcode, one action with its attendance and turf, the review by station.
            await page.GotoAsync($"{app.BaseUrl}/actions?place=29200");
            await Assertions.Expect(page.GetByTestId("action-row").First).ToBeVisibleAsync();
            await pages.CheckAsync("10-actions-near", fr ? "Actions près de chez moi · Coopol" : "Actions near me · Coopol");
            await page.GetByTestId("action-row").Filter(new() { HasText = "Saint-Martin" }).GetByTestId("action-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("attendance")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("turf-panel")).ToBeVisibleAsync();
            await pages.CheckAsync("11-action", "Porte-à-porte à Saint-Martin · Coopol");
            await page.GotoAsync($"{app.BaseUrl}/review?level=SECTION");
            await Assertions.Expect(page.GetByTestId("review-page")).ToBeVisibleAsync();
            await pages.CheckAsync("12-field-review", fr ? "Bilan terrain · Coopol" : "Field review · Coopol");
        }
    }

    private sealed class PageChecks(IPage page, Screen screen)
    {
        private string _previousTitle = "";

        /// <summary>The title is this page's own, and the page fits the screen.</summary>
        public async Task CheckAsync(string name, string title)
        {
            await Assertions.Expect(page).ToHaveTitleAsync(title);
            title.ShouldNotBe(_previousTitle, $"{name}: the title did not change");
            _previousTitle = title;
            await CheckFitsAsync(name);
        }

        /// <summary>No element reaches past the right edge of the screen (and a screenshot to look at).</summary>
        public async Task CheckFitsAsync(string name)
        {
            await Browser.ShotAsync(page, $"{screen.Name}-{name}");
            var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
            if (!fits) Assert.Fail($"{screen.Name} {name} scrolls sideways: {await WidestAsync()}");
        }

        /// <summary>A list is cards on a phone and a table at a desk.</summary>
        public async Task CheckListAsync(string list)
        {
            await Assertions.Expect(page.GetByTestId($"{list}-cards")).ToHaveCountAsync(screen.Phone ? 1 : 0);
            await Assertions.Expect(page.GetByTestId($"{list}-table")).ToHaveCountAsync(screen.Phone ? 0 : 1);
        }

        /// <summary>What sticks out, to say which element to fix.</summary>
        private async Task<string> WidestAsync()
        {
            var found = await page.EvaluateAsync<JsonElement>("""
                () => ({
                  scrollWidth: document.documentElement.scrollWidth,
                  innerWidth: window.innerWidth,
                  over: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`),
                })
                """);
            return found.ToString();
        }
    }
}
