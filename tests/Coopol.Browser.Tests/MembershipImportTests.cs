using Coopol.Data.DemoData;
using Coopol.Features.Membership;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>The issue "Membership file import" end to end, in Chromium at phone size: Finistère's federation secretary
/// uploads the federation's membership file (Latin-1, as exported), checks the mapping the wizard suggests, reads the
/// dry run (one line names a section that does not exist), and applies it skipping exactly that line.</summary>
[Collection(ServedApp.Collection)]
public sealed class MembershipImportTests(ServedApp app) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coopol-browser-members-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AFederationSecretaryUploadsMapsDryRunsAndAppliesTheMembershipFileFromAPhone()
    {
        var file = Path.Combine(_folder, "adherents-29.csv");
        MembershipFileGenerator.Write(file, [new("Quimper", "29000", "Quimper"), new("Morlaix", "29600", "Morlaix")], 60, seed: 7, numberOffset: 700_000,
            edit: (i, m) => i == 4 ? m with { Section = "Landerneau" } : m);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.Federation29);

        // 1. Upload.
        await page.GetByTestId("nav-membership-import").ClickAsync();
        await Assertions.Expect(page.GetByTestId("membership-page")).ToBeVisibleAsync();
        await page.GetByLabel("Fichier des adhérents").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();

        // 2. The mapping the wizard suggests from the headers.
        await Assertions.Expect(page.GetByTestId("membership-wizard")).ToHaveAttributeAsync("data-step", "2");
        await Assertions.Expect(page.GetByLabel("Numéro d’adhérent", new() { Exact = true })).ToHaveValueAsync("N° adhérent");
        await Assertions.Expect(page.GetByLabel("Section", new() { Exact = true })).ToHaveValueAsync("Section");
        await Browser.ShotAsync(page, "membership-1-mapping");
        (await Fits(page)).ShouldBeTrue();

        // 3. The dry run: nothing changed, one problem named by its line and column.
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("membership-status")).ToHaveAttributeAsync("data-status", "DRY_RUN");
        var problems = page.GetByTestId("membership-problem");
        await Assertions.Expect(problems).ToHaveCountAsync(1);
        await Assertions.Expect(problems.First).ToContainTextAsync("6");
        await Assertions.Expect(page.GetByTestId("membership-count-newMembers")).ToContainTextAsync("59");
        await Browser.ShotAsync(page, "membership-2-dry-run");
        (await Fits(page)).ShouldBeTrue();

        // 4. Apply, skipping exactly that line.
        await page.GetByLabel("Appliquer en sautant ces lignes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("membership-status")).ToHaveAttributeAsync("data-status", "APPLIED");
        await Assertions.Expect(page.GetByTestId("membership-count-skippedRows")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("membership-history-item").First).ToBeVisibleAsync();
        await Browser.ShotAsync(page, "membership-3-applied");
        (await Fits(page)).ShouldBeTrue();
        await context.CloseAsync();
    }

    private static async Task<bool> Fits(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
