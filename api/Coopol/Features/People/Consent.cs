using Coopol.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.People;

/// <summary>What a consent is for.</summary>
public enum ConsentPurpose
{
    /// <summary>The section's newsletters and news.</summary>
    News,
    /// <summary>Invitations to field actions and their reminders.</summary>
    Actions,
}

public enum ConsentChannel
{
    Email,
    Sms,
}

/// <summary>How a consent or a withdrawal was given.</summary>
public enum ConsentMethod
{
    /// <summary>By the person, in Coopol.</summary>
    WebForm,
    /// <summary>On a paper form, recorded by a manager.</summary>
    PaperForm,
    /// <summary>Said to a manager, who recorded it.</summary>
    Oral,
    /// <summary>From the party's membership file.</summary>
    Import,
    /// <summary>By the person, with the unsubscribe link of a message they received (or their mail client's one-click).</summary>
    UnsubscribeLink,
    /// <summary>By the person, replying STOP (or START again) to an SMS.</summary>
    SmsReply,
    /// <summary>A withdrawal by the person carried over when a section's record of them was merged into theirs.</summary>
    RecordsMerged,
}

/// <summary>One line of the consent ledger: a consent given or withdrawn, for one purpose and channel, when, how, by
/// whom it was recorded and which wording the person was shown. Only ever appended; the current value of a consent is
/// the latest line.</summary>
[PersonalData("consents to political communication are art. 9 data and their proof")]
public sealed class ConsentRecord
{
    public long Id { get; init; }
    public required Guid PersonId { get; set; }
    public required ConsentPurpose Purpose { get; init; }
    public required ConsentChannel Channel { get; init; }
    public required bool Granted { get; init; }
    public required ConsentMethod Method { get; init; }
    public required DateTime At { get; init; }
    /// <summary>Who recorded it: the person themselves, a manager, or nobody (an import).</summary>
    public Guid? RecordedById { get; init; }
    /// <summary>The version of the wording shown (<see cref="ConsentWordings"/>); null for a withdrawal.</summary>
    public string? WordingVersion { get; init; }
}

public sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.WordingVersion).HasMaxLength(40);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.SetNull);
        // The latest line per person, purpose and channel is the current value.
        builder.HasIndex(c => new { c.PersonId, c.Purpose, c.Channel, c.At, c.Id });
    }
}

/// <summary>The current value of one consent, derived from the ledger (Granted false and no date when never given).</summary>
public sealed record CurrentConsent(Guid PersonId, ConsentPurpose Purpose, ConsentChannel Channel, bool Granted, ConsentMethod? Method, DateTime? At);

/// <summary>The wording shown when a consent is asked, by version: the ledger keeps which one a person agreed to.
/// A new wording is a new version; old versions stay here so the ledger can always show what was agreed.</summary>
public static class ConsentWordings
{
    public sealed record Wording(ConsentPurpose Purpose, ConsentChannel Channel, string Version, string French, string English);

    public static readonly IReadOnlyList<Wording> All =
    [
        // Before consents had a purpose, the foundation's form asked "email consent" and "SMS consent".
        new(ConsentPurpose.News, ConsentChannel.Email, "foundation-2026-11", "Consentement email", "Email consent"),
        new(ConsentPurpose.Actions, ConsentChannel.Sms, "foundation-2026-11", "Consentement SMS", "SMS consent"),
        // What a membership system recorded and an import carried over (never the current wording: Coopol does not show it).
        new(ConsentPurpose.News, ConsentChannel.Email, "membership-file-2026-11", "Consentement recueilli par le fichier des adhérents (email)", "Consent from the membership file (email)"),
        new(ConsentPurpose.News, ConsentChannel.Sms, "membership-file-2026-11", "Consentement recueilli par le fichier des adhérents (SMS)", "Consent from the membership file (SMS)"),
        new(ConsentPurpose.Actions, ConsentChannel.Email, "membership-file-2026-11", "Consentement recueilli par le fichier des adhérents (email)", "Consent from the membership file (email)"),
        new(ConsentPurpose.Actions, ConsentChannel.Sms, "membership-file-2026-11", "Consentement recueilli par le fichier des adhérents (SMS)", "Consent from the membership file (SMS)"),
        new(ConsentPurpose.News, ConsentChannel.Email, "news-email-2026-11",
            "J'accepte de recevoir par email les lettres d'information et les nouvelles de ma section. Je peux retirer ce consentement à tout moment.",
            "I agree to receive my section's newsletters and news by email. I can withdraw this consent at any time."),
        new(ConsentPurpose.News, ConsentChannel.Sms, "news-sms-2026-11",
            "J'accepte de recevoir par SMS les nouvelles de ma section. Je peux retirer ce consentement à tout moment (STOP).",
            "I agree to receive my section's news by SMS. I can withdraw this consent at any time (STOP)."),
        new(ConsentPurpose.Actions, ConsentChannel.Email, "actions-email-2026-11",
            "J'accepte d'être invité·e par email aux actions de terrain et d'en recevoir les rappels. Je peux retirer ce consentement à tout moment.",
            "I agree to be invited by email to field actions and to receive their reminders. I can withdraw this consent at any time."),
        new(ConsentPurpose.Actions, ConsentChannel.Sms, "actions-sms-2026-11",
            "J'accepte d'être invité·e par SMS aux actions de terrain et d'en recevoir les rappels. Je peux retirer ce consentement à tout moment (STOP).",
            "I agree to be invited by SMS to field actions and to receive their reminders. I can withdraw this consent at any time (STOP)."),
    ];

    public static Wording Current(ConsentPurpose purpose, ConsentChannel channel) =>
        All.Last(w => w.Purpose == purpose && w.Channel == channel);

    public static readonly IReadOnlyList<(ConsentPurpose Purpose, ConsentChannel Channel)> Kinds =
        [.. Enum.GetValues<ConsentPurpose>().SelectMany(p => Enum.GetValues<ConsentChannel>().Select(c => (p, c)))];
}
