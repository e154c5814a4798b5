using System.Globalization;
using System.Text;
using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Membership;

/// <summary>What a column of a membership file can hold.</summary>
public enum MembershipField
{
    MembershipNumber,
    Title,
    LastName,
    FirstName,
    Email,
    Mobile,
    Address,
    PostalCode,
    Commune,
    Section,
    Function,
    MembershipDate,
    DuesPaid,
    /// <summary>Yes/no: agreed to hear from the party by email (recorded in the ledger as IMPORT).</summary>
    EmailConsent,
    /// <summary>Yes/no: agreed to hear from the party by SMS.</summary>
    SmsConsent,
}

/// <summary>Which header of the file holds each field, saved per scope (a federation, or "FR") and offered again
/// for its next file.</summary>
[PersonalData("who last saved a scope's mapping")]
public sealed class MembershipMapping
{
    public required string Scope { get; init; }
    public Dictionary<MembershipField, string> Columns { get; set; } = [];
    public Guid? UpdatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class MembershipMappingConfiguration : IEntityTypeConfiguration<MembershipMapping>
{
    public void Configure(EntityTypeBuilder<MembershipMapping> builder)
    {
        builder.ToTable("MembershipMappings");
        builder.HasKey(m => m.Scope);
        builder.Property(m => m.Scope).HasMaxLength(3);
        builder.Property(m => m.Columns).HasColumnType("jsonb").HasConversion(new JsonValueConverter<Dictionary<MembershipField, string>>(), JsonValueConverter<Dictionary<MembershipField, string>>.Comparer);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The fields every file must map, and the headers membership systems use for each.</summary>
public static class MembershipColumns
{
    public static readonly IReadOnlyList<MembershipField> Required =
        [MembershipField.MembershipNumber, MembershipField.LastName, MembershipField.FirstName, MembershipField.Section];

    private static readonly Dictionary<MembershipField, string[]> Synonyms = new()
    {
        [MembershipField.MembershipNumber] = ["numero adherent", "n adherent", "no adherent", "num adherent", "numero d adherent", "numero", "membership number", "member number", "member id", "matricule", "id adherent"],
        [MembershipField.Title] = ["civilite", "title", "titre", "genre"],
        [MembershipField.LastName] = ["nom", "nom de famille", "last name", "lastname", "surname", "nom d usage"],
        [MembershipField.FirstName] = ["prenom", "first name", "firstname", "given name"],
        [MembershipField.Email] = ["email", "e mail", "courriel", "mail", "adresse email", "adresse mail", "adresse electronique"],
        [MembershipField.Mobile] = ["mobile", "portable", "telephone portable", "tel portable", "telephone mobile", "tel mobile", "mobile phone", "telephone", "tel"],
        [MembershipField.Address] = ["adresse", "adresse postale", "address", "rue", "adresse 1", "adresse1"],
        [MembershipField.PostalCode] = ["code postal", "cp", "postcode", "postal code", "zip"],
        [MembershipField.Commune] = ["commune", "ville", "city", "localite"],
        [MembershipField.Section] = ["section", "section locale", "nom section", "branch"],
        [MembershipField.Function] = ["fonction", "fonctions", "function", "responsabilite", "mandat interne"],
        [MembershipField.MembershipDate] = ["date adhesion", "date d adhesion", "adhesion", "membership date", "joined", "date de premiere adhesion"],
        [MembershipField.DuesPaid] = ["cotisation a jour", "a jour de cotisation", "cotisation", "dues paid", "cotisant"],
        [MembershipField.EmailConsent] = ["consentement email", "accepte email", "optin email", "opt in email", "email consent"],
        [MembershipField.SmsConsent] = ["consentement sms", "accepte sms", "optin sms", "opt in sms", "sms consent"],
    };

    /// <summary>A mapping guessed from the headers: the saved one where its headers are still there, else known names.</summary>
    public static Dictionary<MembershipField, string> Suggest(IReadOnlyList<string> header, IReadOnlyDictionary<MembershipField, string>? saved)
    {
        var result = new Dictionary<MembershipField, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (saved is not null)
            foreach (var (field, column) in saved)
                if (header.Contains(column) && taken.Add(column)) result[field] = column;
        foreach (var (field, names) in Synonyms)
        {
            if (result.ContainsKey(field)) continue;
            var match = header.FirstOrDefault(h => !taken.Contains(h) && names.Contains(Simplify(h)));
            if (match is not null && taken.Add(match)) result[field] = match;
        }
        return result;
    }

    /// <summary>The field's name in the API (MEMBERSHIP_NUMBER), as GraphQL spells its enumeration.</summary>
    public static string ConstantName(MembershipField field) =>
        string.Concat(field.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    /// <summary>Lower case, no accents, words separated by single spaces: "N° d'adhérent" → "n d adherent".</summary>
    public static string Simplify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        return builder.ToString().Trim();
    }
}
