using Coopol.Data.DemoData;
using Coopol.Features.Messaging;
using Microsoft.Playwright;

namespace Coopol.Browser.Tests;

/// <summary>The issue "Messaging" end to end, in Chromium at phone size, with no provider configured (the run command's
/// default): Brest-Centre's secretary builds a segment of the section's supporters, sends them an SMS and a newsletter,
/// and sees both in the outbox with their statuses. Screenshots go to TestResults/.</summary>
[Collection(ServedApp.Collection)]
public sealed class MessagingTests(ServedApp app)
{
    private const string SegmentName = "Sympathisants (essai de bout en bout)";

    [Fact]
    public async Task ASecretaryBuildsASegmentSendsAnSmsAndANewsletterAndSeesThemInTheOutbox()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, app.BaseUrl, DemoUsers.SectionSecretary);

        // 1. A segment: the section's supporters, counted live.
        await page.GetByTestId("nav-messages").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages-page")).ToBeVisibleAsync();
        await page.GetByTestId("messaging-link-segments").ClickAsync();
        await page.GetByTestId("segment-new").ClickAsync();
        await page.GetByTestId("segment-field-name").FillAsync(SegmentName);
        await page.GetByTestId("segment-kind-SUPPORTER").CheckAsync();
        await Assertions.Expect(page.GetByTestId("segment-live-count")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[1-9]"));
        await Browser.ShotAsync(page, "messaging-1-segment");
        await page.GetByTestId("segment-form-submit").ClickAsync();
        var row = page.GetByTestId("segment-row").Filter(new() { HasText = SegmentName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("segment-count")).ToHaveAttributeAsync("data-sms", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        (await Fits(page)).ShouldBeTrue();

        // 2. An SMS to it: its length and segments shown before sending.
        await row.GetByTestId("segment-write-sms").ClickAsync();
        await Assertions.Expect(page.GetByTestId("composer")).ToHaveAttributeAsync("data-channel", "SMS");
        await page.GetByTestId("composer-body").FillAsync("Bonjour {{firstName}}, porte-à-porte samedi 10h place Guérin ! STOP au 36180");
        await Assertions.Expect(page.GetByTestId("sms-segments")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("stop-missing")).ToHaveCountAsync(0);
        await Browser.ShotAsync(page, "messaging-2-sms-composer");
        await page.GetByTestId("composer-send").ClickAsync();
        await page.GetByTestId("send-dialog-confirm").ClickAsync();
        await ExpectSentAsync(page, "SMS");
        await Browser.ShotAsync(page, "messaging-3-sms-outbox");

        // 3. A newsletter to the same segment.
        await page.GetByTestId("nav-messages").ClickAsync();
        await page.GetByTestId("new-newsletter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("composer")).ToHaveAttributeAsync("data-channel", "EMAIL");
        var option = page.GetByTestId("composer-segment").Locator("option", new() { HasText = SegmentName });
        await page.GetByTestId("composer-segment").SelectOptionAsync((await option.GetAttributeAsync("value"))!);
        await page.GetByTestId("composer-subject").FillAsync("Samedi, on frappe aux portes");
        await page.GetByTestId("composer-body").FillAsync("Bonjour {{firstName}},\n\nSamedi à **10h**, porte-à-porte à Saint-Martin.");
        await Assertions.Expect(page.GetByTestId("preview-frame")).ToBeVisibleAsync();
        await Browser.ShotAsync(page, "messaging-4-newsletter-composer");
        await page.GetByTestId("composer-send").ClickAsync();
        await page.GetByTestId("send-dialog-confirm").ClickAsync();
        await ExpectSentAsync(page, "EMAIL");
        // The newsletter as its recipients get it, in its sandboxed frame, with the reader's first name.
        var frame = await (await page.GetByTestId("preview-frame").ElementHandleAsync())!.ContentFrameAsync();
        (await frame!.Locator("body").InnerTextAsync()).ShouldContain($"Bonjour {DemoUsers.SectionSecretary.FirstName}");
        await Browser.ShotAsync(page, "messaging-5-newsletter-outbox");

        // 4. Both in the section's messages, with their statuses.
        await page.GetByTestId("nav-messages").ClickAsync();
        var messages = page.GetByTestId("message-row");
        await Assertions.Expect(messages.Filter(new() { Has = page.Locator("[data-channel='SMS']") }).First).ToBeVisibleAsync();
        await Assertions.Expect(messages.Filter(new() { Has = page.Locator("[data-channel='EMAIL']") }).First).ToBeVisibleAsync();
        (await Fits(page)).ShouldBeTrue();
        await context.CloseAsync();
    }

    /// <summary>The message page once its job has run: a newsletter is sent to the local outbox at once; an SMS too, unless
    /// it is night in Paris, when its rows wait for 8:00 (quiet hours).</summary>
    private static async Task ExpectSentAsync(IPage page, string channel)
    {
        var now = DateTime.UtcNow;
        var night = channel == "SMS" && QuietHours.NextAllowed(now, QuietHours.DefaultZone) > now;
        await Assertions.Expect(page.GetByTestId("message-page")).ToHaveAttributeAsync("data-status", night ? "SENDING" : "SENT", new() { Timeout = 60_000 });
        var rows = page.GetByTestId("outbox-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var expected = night ? "QUEUED" : "SENT";
        var count = await rows.CountAsync();
        for (var i = 0; i < count; i++) await Assertions.Expect(rows.Nth(i)).ToHaveAttributeAsync("data-status", expected);
        if (!night) await Assertions.Expect(rows.First.GetByTestId("outbox-row-local")).ToBeVisibleAsync();
        (await Fits(page)).ShouldBeTrue();
    }

    private static Task<bool> Fits(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
