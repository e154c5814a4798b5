using System.Globalization;
using System.Text;
using Bogus;
using Coopol.Common.Imports;

namespace Coopol.Features.Membership;

/// <summary>Writes a membership file shaped like a membership system's export, for the demo, the tests and the bench:
/// French names with accents, Windows-1252 (Latin-1) by default, ';' and CRLF, the header French systems use, and the
/// usual blemishes that are not errors (upper-case last names, spaces around values, capitals in emails, phones written
/// every way, postal codes that lost their leading zero, quoted addresses holding a ';').</summary>
public static class MembershipFileGenerator
{
    public static readonly string[] Header =
        ["N° adhérent", "Civilité", "Nom", "Prénom", "Email", "Portable", "Adresse", "Code postal", "Commune", "Section", "Fonction",
         "Date d'adhésion", "Cotisation à jour", "Accepte email", "Accepte SMS"];

    /// <summary>A section of the file and where its members live.</summary>
    public sealed record FileSection(string Name, string PostalCode, string City);

    /// <summary>A generated member: what the tests check against.</summary>
    public sealed record Member(string Number, string FirstName, string LastName, string? Email, string Section, string? Function);

    /// <param name="numberOffset">Numbers start above it, so files of several federations never share one.</param>
    public static List<Member> Write(string path, IReadOnlyList<FileSection> sections, int count, int seed = 29, bool latin1 = true, int numberOffset = 100_000,
        Func<int, Member, Member>? edit = null)
    {
        var faker = new Faker("fr") { Random = new Randomizer(seed) };
        var members = new List<Member>(count);
        var encoding = latin1 ? CsvTable.Windows1252 : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        using var writer = new StreamWriter(path, false, encoding, 1 << 16) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(';', Header));
        var secretaries = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var section = sections[i % sections.Count];
            var female = faker.Random.Bool();
            var first = faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
            var last = faker.Name.LastName();
            string? function = null;
            if (secretaries.Add(section.Name)) function = "Secrétaire de section";
            else if (faker.Random.Bool(0.01f)) function = faker.PickRandom("Trésorier", "Secrétaire adjoint de section", "Animateur");
            var number = (numberOffset + i + 1).ToString(CultureInfo.InvariantCulture);
            var email = faker.Random.Bool(0.92f) ? $"{Slug(first)}.{Slug(last)}.{number}@{faker.PickRandom("exemple.fr", "courriel.test", "adherent.invalid")}" : null;
            var member = new Member(number, first, last, email, section.Name, function);
            if (edit is not null) member = edit(i, member);
            members.Add(member);
            // Mainland mobiles only (06 96 is Martinique's, 07 0x is unallotted): valid numbers, written every way.
            var digits = faker.PickRandom("0", "1", "2", "4", "5", "6", "7", "8") + faker.Random.Replace("#######");
            var phone = faker.Random.Int(0, 9) switch
            {
                0 => "",
                1 or 2 => $"+33 6 {digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..]}",
                3 => $"07{faker.Random.Int(5, 8)}{digits[1..]}",
                4 => $"06.{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..]}",
                _ => $"06 {digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..]}",
            };
            var street = faker.Random.Bool(0.05f) ? $"Bât. {faker.Random.Char('A', 'D')}; {faker.Random.Int(1, 150)} {faker.Address.StreetName()}"
                : $"{faker.Random.Int(1, 150)} {faker.Address.StreetName()}";
            var postalCode = section.PostalCode.StartsWith('0') && faker.Random.Bool(0.5f) ? section.PostalCode[1..] : section.PostalCode;
            var joined = new DateTime(2026, 11, 1).AddDays(-faker.Random.Int(1, 9000));
            string[] fields =
            [
                member.Number, female ? "Mme" : "M.", faker.Random.Bool(0.7f) ? member.LastName.ToUpper(CultureInfo.GetCultureInfo("fr-FR")) : member.LastName,
                faker.Random.Bool(0.05f) ? $" {member.FirstName} " : member.FirstName,
                member.Email is { } e && faker.Random.Bool(0.1f) ? char.ToUpperInvariant(e[0]) + e[1..] : member.Email ?? "",
                phone, street, postalCode, section.City, member.Section, member.Function ?? "",
                joined.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), faker.Random.Bool(0.85f) ? "Oui" : "Non",
                faker.Random.Bool(0.7f) ? "Oui" : "Non", faker.Random.Bool(0.4f) ? "Oui" : "Non",
            ];
            writer.WriteLine(string.Join(';', fields.Select(Quote)));
        }
        return members;
    }

    private static string Quote(string value) => value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
            if (char.IsAsciiLetter(c)) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}
