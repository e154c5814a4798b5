using Coopol.Common;
using Coopol.Data.DemoData;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>In Debian's Chromium: a section secretary signs in, sees their people and grants a delegation; the
/// delegate signs in and sees only what was delegated.</summary>
[Collection(ServedApp.Collection)]
public sealed class SecretaryDelegatesTests(ServedApp app)
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ];

    [Fact]
    public async Task ASecretaryDelegatesViewingPeopleAndTheDelegateSeesOnlyThat()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("COOPOL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var shots = Path.Combine(ServedApp.RepoRoot(), "tests", "Coopol.Browser.Tests", "TestResults");
        Directory.CreateDirectory(shots);

        // The secretary of Brest Centre signs in and sees the people of their section.
        await SignInAsync(page, DemoUsers.SectionSecretary);
        await Assertions.Expect(page.GetByTestId("section-name")).ToContainTextAsync(DemoUsers.BrestCentre);
        await Assertions.Expect(page.GetByTestId("person-row").First).ToBeVisibleAsync();
        (await page.GetByTestId("person-row").CountAsync()).ShouldBeGreaterThan(5);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "1-secretary-people.png"), FullPage = true });

        // They record a supporter met on the doorstep; the phone is stored in E.164.
        await page.GetByTestId("add-person-open").ClickAsync();
        await page.GetByTestId("field-kind").SelectOptionAsync("SUPPORTER");
        await page.GetByTestId("field-firstName").FillAsync("Gwenola");
        await page.GetByTestId("field-lastName").FillAsync("Le Roux");
        await page.GetByTestId("field-email").FillAsync("Gwenola.LeRoux@exemple.fr");
        await page.GetByTestId("field-phone").FillAsync("06 11 22 33 44");
        await page.GetByTestId("field-emailConsent").CheckAsync();
        await page.GetByTestId("add-person-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-phone")).ToContainTextAsync("+33611223344");
        await Assertions.Expect(page.GetByTestId("person-email")).ToContainTextAsync("gwenola.leroux@exemple.fr");
        await page.GetByTestId("nav-home").ClickAsync();

        // They grant VIEW_PEOPLE on the section to a member.
        await page.GetByTestId("delegations-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delegations-page")).ToBeVisibleAsync();
        await page.GetByTestId("delegation-person-search").FillAsync(DemoUsers.Member.LastName);
        await page.GetByTestId("delegation-person-option").Filter(new() { HasText = DemoUsers.Member.FirstName }).First.ClickAsync();
        await page.GetByTestId("delegation-permission-VIEW_PEOPLE").CheckAsync();
        await page.GetByTestId("delegation-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delegation-row").Filter(new() { HasText = DemoUsers.Member.LastName })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "2-delegation-granted.png"), FullPage = true });

        // The delegate signs in: they see the people of Brest Centre, nothing to manage, and no other section.
        await page.GetByTestId("sign-out").ClickAsync();
        await SignInAsync(page, DemoUsers.Member);
        await Assertions.Expect(page.GetByTestId("section-name")).ToContainTextAsync(DemoUsers.BrestCentre);
        await Assertions.Expect(page.GetByTestId("person-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("delegations-link")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "3-delegate-people.png"), FullPage = true });

        var quimper = GlobalId.Encode("Section", await app.SectionIdAsync("Quimper"));
        await page.GotoAsync($"{app.BaseUrl}/sections/{quimper}");
        await Assertions.Expect(page.GetByTestId("people-forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("person-row")).ToHaveCountAsync(0);
    }

    private async Task SignInAsync(IPage page, DemoUsers.DemoUser user)
    {
        await page.GotoAsync($"{app.BaseUrl}/signin");
        await page.Locator($"[data-testid=dev-user][data-email='{user.Email}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("viewer-name")).ToContainTextAsync(user.FirstName);
    }
}
