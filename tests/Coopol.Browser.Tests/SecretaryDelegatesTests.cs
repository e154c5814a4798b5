using Coopol.Common;
using Coopol.Data.DemoData;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>In Debian's Chromium: a section secretary records a supporter and delegates viewing people (and handing that
/// on) to a member; the delegate sees only what was delegated and hands it on; the secretary revokes the first
/// delegation after a confirmation that names the one revoked with it.</summary>
[Collection(ServedApp.Collection)]
public sealed class SecretaryDelegatesTests(ServedApp app)
{
    [Fact]
    public async Task ASecretaryDelegatesTheDelegateHandsItOnAndRevokingTheFirstRevokesBoth()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        // The secretary of Brest Centre signs in and sees the people of their section.
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.SectionSecretary);
        await Assertions.Expect(page.GetByTestId("section-name")).ToContainTextAsync(DemoUsers.BrestCentre);
        await Assertions.Expect(page.GetByTestId("person-row").First).ToBeVisibleAsync();
        (await page.GetByTestId("person-row").CountAsync()).ShouldBeGreaterThan(5);
        await Browser.ShotAsync(page, "1-secretary-people");

        // They record a supporter met on the doorstep, who agreed orally to the news by email; the phone is stored in E.164.
        await page.GetByTestId("add-person-open").ClickAsync();
        await page.GetByTestId("field-kind").SelectOptionAsync("SUPPORTER");
        await page.GetByTestId("field-firstName").FillAsync("Gwenola");
        await page.GetByTestId("field-lastName").FillAsync("Le Roux");
        await page.GetByTestId("field-email").FillAsync("Gwenola.LeRoux@exemple.fr");
        await page.GetByTestId("field-phone").FillAsync("06 11 22 33 44");
        await page.GetByTestId("field-consent-NEWS-EMAIL").CheckAsync();
        await page.GetByTestId("field-consentMethod").SelectOptionAsync("ORAL");
        await page.GetByTestId("add-person-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-phone").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "tel:+33611223344");
        await Assertions.Expect(page.GetByTestId("person-email")).ToContainTextAsync("gwenola.leroux@exemple.fr");
        var newsByEmail = page.Locator("[data-testid=person-consent][data-purpose=NEWS][data-channel=EMAIL]");
        await Assertions.Expect(newsByEmail).ToHaveAttributeAsync("data-granted", "true");
        await Assertions.Expect(newsByEmail).ToContainTextAsync("orally");
        await Assertions.Expect(page.GetByTestId("consent-history-row")).ToHaveCountAsync(1);

        // Later she agrees, on paper, to be invited to actions by SMS; and gets a tag.
        await page.GetByTestId("consents-edit-open").ClickAsync();
        await page.GetByTestId("consent-ACTIONS-SMS").CheckAsync();
        await page.GetByTestId("consents-method").SelectOptionAsync("PAPER_FORM");
        await page.GetByTestId("consents-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("consents-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=person-consent][data-purpose=ACTIONS][data-channel=SMS]")).ToHaveAttributeAsync("data-granted", "true");
        await Assertions.Expect(page.GetByTestId("consent-history-row")).ToHaveCountAsync(2);
        await page.GetByTestId("person-edit-open").ClickAsync();
        await page.GetByTestId("field-tags").FillAsync("porte-à-porte");
        await page.GetByTestId("person-edit-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-edit-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("person-tags")).ToContainTextAsync("porte-à-porte");

        // The section's supporters, exported: the job runs, then the file downloads with the secretary's token.
        await page.GetByTestId("nav-home").ClickAsync();
        await page.GetByTestId("people-kind-filter").SelectOptionAsync("SUPPORTER");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("people-export").ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        download.SuggestedFilename.ShouldStartWith("coopol-people-");
        download.SuggestedFilename.ShouldEndWith(".csv");
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        csv.ShouldStartWith("kind;first_name;last_name");
        csv.ShouldContain("gwenola.leroux@exemple.fr");
        csv.ShouldNotContain("\nmember;");
        await Assertions.Expect(page.GetByTestId("people-export-status")).ToHaveAttributeAsync("data-phase", "done");

        // They delegate viewing people, and handing that on, to a member.
        await page.GetByTestId("delegations-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delegations-page")).ToBeVisibleAsync();
        await GrantAsync(page, DemoUsers.Member, "VIEW_PEOPLE", "MANAGE_DELEGATIONS");
        await Browser.ShotAsync(page, "2-delegation-granted");

        // The delegate signs in: the people of Brest Centre, nothing to manage there, and no other section.
        await page.GetByTestId("sign-out").ClickAsync();
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.Member);
        await Assertions.Expect(page.GetByTestId("section-name")).ToContainTextAsync(DemoUsers.BrestCentre);
        await Assertions.Expect(page.GetByTestId("person-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("add-person-open")).ToHaveCountAsync(0);
        await Browser.ShotAsync(page, "3-delegate-people");

        // They hand viewing people on to a supporter.
        await page.GetByTestId("delegations-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("grant-delegation-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("delegation-permission-MANAGE_PEOPLE")).ToHaveCountAsync(0);
        await GrantAsync(page, DemoUsers.Supporter, "VIEW_PEOPLE");

        var quimper = GlobalId.Encode("Section", await app.SectionIdAsync("Quimper"));
        await page.GotoAsync($"{app.BaseUrl}/sections/{quimper}");
        await Assertions.Expect(page.GetByTestId("people-forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("person-row")).ToHaveCountAsync(0);

        // The secretary revokes the member's delegation: the confirmation says the supporter's goes with it.
        await page.GetByTestId("sign-out").ClickAsync();
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.SectionSecretary);
        await page.GetByTestId("delegations-link").ClickAsync();
        var revokeMembers = page.GetByRole(AriaRole.Button, new() { Name = $"Revoke the delegation of {Name(DemoUsers.Member)}", Exact = true });
        await revokeMembers.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("revoke-with-it-item")).ToContainTextAsync(DemoUsers.Supporter.LastName);
        await Assertions.Expect(dialog.GetByTestId("revoke-dialog-cancel")).ToBeFocusedAsync();
        await Browser.ShotAsync(page, "4-revoke-confirmation");

        // Escape keeps everything; confirming revokes both.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(revokeMembers).ToBeFocusedAsync();
        await revokeMembers.ClickAsync();
        await dialog.GetByTestId("revoke-dialog-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delegation-revoked")).ToContainTextAsync(DemoUsers.Member.LastName);
        await Assertions.Expect(GranteeRow(page, DemoUsers.Member)).ToHaveCountAsync(0);
        await Assertions.Expect(GranteeRow(page, DemoUsers.Supporter)).ToHaveCountAsync(0);
    }

    private static string Name(DemoUsers.DemoUser user) => $"{user.FirstName} {user.LastName}";

    /// <summary>The row of a delegation held by that person (their name also shows in the rows of what they granted).</summary>
    private static ILocator GranteeRow(IPage page, DemoUsers.DemoUser grantee) =>
        page.GetByTestId("delegation-row").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Name(grantee), Exact = true }) });

    private static async Task GrantAsync(IPage page, DemoUsers.DemoUser grantee, params string[] permissions)
    {
        await page.GetByTestId("delegation-person-search").FillAsync(grantee.LastName);
        await page.GetByTestId("delegation-person-option").Filter(new() { HasText = grantee.FirstName }).First.ClickAsync();
        foreach (var permission in permissions) await page.GetByTestId($"delegation-permission-{permission}").CheckAsync();
        await page.GetByTestId("delegation-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delegation-granted")).ToContainTextAsync(grantee.LastName);
        await Assertions.Expect(GranteeRow(page, grantee)).ToBeVisibleAsync();
    }
}
