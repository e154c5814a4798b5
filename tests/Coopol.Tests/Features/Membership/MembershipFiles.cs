using Coopol.Common.Imports;
using Coopol.Features.Membership;

namespace Coopol.Tests.Features.Membership;

/// <summary>Small membership files written line by line, for the problems a real export has; Latin-1 like most.</summary>
public static class MembershipFiles
{
    public static string Header => string.Join(';', MembershipFileGenerator.Header);

    /// <summary>A line with the header's 15 fields: what is not given is plausible and valid.</summary>
    public static string Line(string number, string section, string last = "Le Gall", string first = "Anaïs", string email = "", string mobile = "06 12 34 56 78",
        string function = "", string date = "12/03/2019", string emailConsent = "Oui", string smsConsent = "Non") =>
        string.Join(';', number, "Mme", last, first, email, mobile, "3 rue de Siam", "29200", "Brest", section, function, date, "Oui", emailConsent, smsConsent);

    public static string Write(string folder, string name, params string[] lines) => Write(folder, name, CsvTable.Windows1252, lines);

    public static string Write(string folder, string name, System.Text.Encoding encoding, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", encoding);
        return path;
    }
}
