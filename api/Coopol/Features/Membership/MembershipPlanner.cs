using System.Globalization;
using Coopol.Access;
using Coopol.Common.Imports;
using Coopol.Features.People;

namespace Coopol.Features.Membership;

/// <summary>A section of the import's scope, as the file may name it.</summary>
public sealed record ScopeSection(Guid Id, string Name, string FederationCode);

/// <summary>A person of the import's scope as Coopol holds them, with their membership if a file listed them.</summary>
/// <param name="Locked">Signs in, or holds a role or delegation: a file never changes their email (the email binds an account,
/// and rights must not follow an address someone else chose).</param>
public sealed record KnownPerson(Guid Id, PersonKind Kind, string FirstName, string LastName, string? Email, Guid? LinkedToId, string? Phone,
    PostalAddress? Address, Guid SectionId, Membership? Membership, bool Locked = false);

/// <summary>Everything the plan is compared with, read before planning.</summary>
public sealed class MembershipState
{
    public required string Scope { get; init; }
    public required IReadOnlyList<ScopeSection> Sections { get; init; }
    public required IReadOnlyList<KnownPerson> People { get; init; }
    /// <summary>Membership numbers held by people outside the scope.</summary>
    public required IReadOnlySet<string> NumbersElsewhere { get; init; }
    /// <summary>Primary records outside the scope by email, for the emails of the file only.</summary>
    public required IReadOnlyDictionary<string, Guid> EmailsElsewhere { get; init; }
    /// <summary>Active section and federation secretary grants on nodes of the scope.</summary>
    public required IReadOnlyList<RoleGrant> Grants { get; init; }
    /// <summary>The latest ledger line per person, purpose and channel, for the people of the scope.</summary>
    public required IReadOnlyDictionary<(Guid Person, ConsentPurpose Purpose, ConsentChannel Channel), (bool Granted, ConsentMethod Method)> Consents { get; init; }
    /// <summary>Whether an identifier ("number" or "email") belonged to someone erased on request.</summary>
    public Func<string, string, bool> IsErased { get; init; } = (_, _) => false;
    /// <summary>Whether whoever imports may appoint on a node (the command line may everywhere).</summary>
    public required Func<TreeNode, bool> MayAppoint { get; init; }
    public Guid? ImporterId { get; init; }
    public required DateTime Now { get; init; }
}

/// <summary>What applying a file does, computed in memory from its rows and <see cref="MembershipState"/>: the report
/// (problems, changes, counts) and the rows to write.</summary>
public sealed class MembershipPlan
{
    public List<MembershipProblem> Problems { get; } = [];
    public SortedSet<int> ProblemLines { get; } = [];
    public int Rows { get; set; }
    public MembershipImportCounts Counts { get; } = new();
    public List<MembershipChange> Changes { get; } = [];
    public List<Person> NewPeople { get; } = [];
    public List<Person> UpdatedPeople { get; } = [];
    public List<Membership> Memberships { get; } = [];
    public List<Guid> FormerMembers { get; } = [];
    public List<RoleGrant> NewGrants { get; } = [];
    public List<RoleGrant> Withdrawn { get; } = [];
    public List<ConsentRecord> Consents { get; } = [];
    public List<SectionInvitation> Invitations { get; } = [];
    private readonly Dictionary<MembershipChangeKind, int> _listed = [];

    public void Problem(int? line, int? column, string code, string message)
    {
        if (line is { } l) ProblemLines.Add(l);
        if (Problems.Count < MembershipImport.ListedPerKind) Problems.Add(new MembershipProblem(line, column, code, message));
        ProblemCount++;
    }

    public int ProblemCount { get; private set; }

    public void Change(MembershipChangeKind kind, int? line, Guid? personId, string name, string? detail = null)
    {
        var listed = _listed.GetValueOrDefault(kind);
        if (listed >= MembershipImport.ListedPerKind) return;
        _listed[kind] = listed + 1;
        Changes.Add(new MembershipChange(kind, line, personId, name, detail));
    }
}

/// <summary>Reads a membership file's rows against what Coopol holds and plans every change; writes nothing.
/// Matching: the membership number, else the normalized email (a supporter known by it becomes a member).</summary>
public static class MembershipPlanner
{
    public const string ImportWording = "membership-file-2026-11";

    internal sealed class ParsedRow
    {
        public int Line;
        public string? Number, Title, LastName, FirstName, Email, Mobile, Address, PostalCode, Commune, Function;
        public ScopeSection? Section;
        public DateOnly? JoinedOn;
        public bool? DuesPaid, EmailConsent, SmsConsent;
        public bool Invalid;
        public KnownPerson? Person;
        public string Name => $"{FirstName} {LastName}".Trim();
    }

    /// <summary>A file read once: its rows checked one by one, before what Coopol holds is read (the emails it names are
    /// what the state is read for).</summary>
    public sealed class ParsedFile
    {
        internal ParsedFile(MembershipPlan plan, List<ParsedRow> rows, Dictionary<MembershipField, int> columns)
        {
            Plan = plan;
            RowList = rows;
            Columns = columns;
        }

        internal MembershipPlan Plan { get; }
        internal List<ParsedRow> RowList { get; }
        internal Dictionary<MembershipField, int> Columns { get; }

        public IReadOnlyCollection<string> Emails => RowList.Where(r => r.Email is not null).Select(r => r.Email!).Distinct().ToList();
    }

    /// <summary>Reads and checks every row (sections are named against the scope's).</summary>
    public static ParsedFile Read(MembershipFile file, IReadOnlyDictionary<MembershipField, string> mapping, IReadOnlyList<ScopeSection> sections,
        Action<long, long>? progress = null, CancellationToken ct = default)
    {
        var plan = new MembershipPlan();
        var columns = ResolveColumns(file.Header, mapping, plan);
        var rows = new List<ParsedRow>();
        if (plan.ProblemCount > 0) return new ParsedFile(plan, rows, columns);

        var sectionsByName = sections.GroupBy(s => MembershipColumns.Simplify(s.Name)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in file.Rows(ct))
        {
            rows.Add(Parse(row, columns, file.Header.Count, sectionsByName, plan));
            if (rows.Count % 5000 == 0) progress?.Invoke(file.BytesRead, file.Length);
        }
        plan.Rows = rows.Count;
        if (rows.Count == 0) plan.Problem(null, null, "NO_ROWS", "The file has a header but no rows.");
        return new ParsedFile(plan, rows, columns);
    }

    /// <summary>Plans a read file against what the scope holds.</summary>
    public static MembershipPlan Plan(ParsedFile parsed, MembershipState state)
    {
        var (plan, rows, columns) = (parsed.Plan, parsed.RowList, parsed.Columns);
        if (rows.Count == 0) return plan;
        FlagDuplicates(rows, r => r.Number, columns[MembershipField.MembershipNumber], "DUPLICATE_NUMBER", "membership number", plan);
        if (columns.TryGetValue(MembershipField.Email, out var emailColumn))
            FlagDuplicates(rows, r => r.Email, emailColumn, "DUPLICATE_EMAIL", "email", plan);
        Match(rows, columns, state, plan);

        var skip = plan.ProblemLines;
        var listed = new HashSet<Guid>();
        foreach (var row in rows)
        {
            if (row.Person is { } p) listed.Add(p.Id);
            if (row.Invalid || skip.Contains(row.Line)) continue;
            Apply(row, state, plan);
        }
        plan.Counts.SkippedRows = skip.Count;
        foreach (var person in state.People)
        {
            if (person.Membership is not { EndedAt: null } membership || membership.Scope != state.Scope || listed.Contains(person.Id)) continue;
            plan.FormerMembers.Add(person.Id);
            plan.Counts.BecomeFormerMembers++;
            plan.Change(MembershipChangeKind.BecomesFormerMember, null, person.Id, $"{person.FirstName} {person.LastName}", membership.Number);
        }
        PlanRoles(rows, listed, state, plan);
        return plan;
    }

    private static Dictionary<MembershipField, int> ResolveColumns(IReadOnlyList<string> header, IReadOnlyDictionary<MembershipField, string> mapping, MembershipPlan plan)
    {
        var columns = new Dictionary<MembershipField, int>();
        foreach (var (field, name) in mapping)
        {
            var index = header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.Ordinal));
            if (index < 0) plan.Problem(1, null, "MAPPED_COLUMN_MISSING", $"The mapping reads {FieldName(field)} from a column \"{Clip(name)}\" that the file's header does not have.");
            else columns[field] = index;
        }
        foreach (var field in MembershipColumns.Required)
            if (!mapping.ContainsKey(field))
                plan.Problem(1, null, "MISSING_COLUMN", $"No column is mapped to {FieldName(field)}, which every file needs (the header has: {Clip(string.Join(", ", header), 300)}).");
        return columns;
    }

    private static ParsedRow Parse(MembershipFile.Row row, Dictionary<MembershipField, int> columns, int headerCount,
        Dictionary<string, List<ScopeSection>> sections, MembershipPlan plan)
    {
        var parsed = new ParsedRow { Line = row.Line };
        void Bad(MembershipField field, string code, string message)
        {
            parsed.Invalid = true;
            plan.Problem(row.Line, columns[field] + 1, code, message);
        }
        if (row.Cells.Length != headerCount)
        {
            parsed.Invalid = true;
            plan.Problem(row.Line, null, "WRONG_FIELD_COUNT", row.Cells.Length < headerCount
                ? $"{row.Cells.Length} fields where the header has {headerCount} (a truncated line, or a line break inside a value?)"
                : $"{row.Cells.Length} fields where the header has {headerCount} (an unquoted separator inside a value?)");
        }
        string? Text(MembershipField field, int max)
        {
            if (!columns.TryGetValue(field, out var c) || c >= row.Cells.Length) return null;
            var value = string.Join(' ', row.Cells[c].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (value.Length == 0) return null;
            // NUL, control and invisible direction or format characters: never part of a name or an address.
            if (value.Any(ch => char.IsControl(ch) || char.GetUnicodeCategory(ch) == UnicodeCategory.Format))
            {
                Bad(field, "INVALID_CHARACTERS", $"{FieldName(field)} holds control or invisible formatting characters.");
                return null;
            }
            if (value.Length > max)
            {
                Bad(field, "TOO_LONG", $"{FieldName(field)} has at most {max} characters.");
                return null;
            }
            return value;
        }
        parsed.Number = Text(MembershipField.MembershipNumber, 40);
        if (parsed.Number is null && !parsed.Invalid) Bad(MembershipField.MembershipNumber, "MISSING_VALUE", "The membership number is empty.");
        parsed.LastName = Text(MembershipField.LastName, 100);
        if (parsed.LastName is null && columns[MembershipField.LastName] < row.Cells.Length && row.Cells[columns[MembershipField.LastName]].Trim().Length == 0)
            Bad(MembershipField.LastName, "MISSING_VALUE", "The last name is empty.");
        parsed.FirstName = Text(MembershipField.FirstName, 100);
        if (parsed.FirstName is null && columns[MembershipField.FirstName] < row.Cells.Length && row.Cells[columns[MembershipField.FirstName]].Trim().Length == 0)
            Bad(MembershipField.FirstName, "MISSING_VALUE", "The first name is empty.");
        parsed.Title = Text(MembershipField.Title, 20);
        parsed.Function = Text(MembershipField.Function, 200);
        parsed.Address = Text(MembershipField.Address, 200);
        parsed.Commune = Text(MembershipField.Commune, 100);
        if (Text(MembershipField.Email, EmailAddress.MaxLength) is { } email)
        {
            if (EmailAddress.IsValid(email)) parsed.Email = EmailAddress.Normalize(email);
            else Bad(MembershipField.Email, "INVALID_EMAIL", "This is not an email address.");
        }
        if (Text(MembershipField.Mobile, 40) is { } mobile)
        {
            parsed.Mobile = MobilePhone.ToE164(mobile);
            if (parsed.Mobile is null) Bad(MembershipField.Mobile, "NOT_A_MOBILE", "This is not a mobile number.");
        }
        if (Text(MembershipField.PostalCode, 10) is { } postalCode)
        {
            var digits = postalCode.Replace(" ", "");
            // Spreadsheets drop the leading zero of Ain, Aisne... (01000 becomes 1000).
            if (digits.Length == 4 && digits.All(char.IsAsciiDigit)) digits = "0" + digits;
            if (digits.Length == 5 && digits.All(char.IsAsciiDigit)) parsed.PostalCode = digits;
            else Bad(MembershipField.PostalCode, "INVALID_POSTAL_CODE", $"\"{Clip(postalCode)}\" is not a postal code (5 digits).");
        }
        if (Text(MembershipField.Section, 200) is { } section)
        {
            var matches = sections.GetValueOrDefault(MembershipColumns.Simplify(section));
            if (matches is [var one]) parsed.Section = one;
            else if (matches is { Count: > 1 })
                Bad(MembershipField.Section, "AMBIGUOUS_SECTION", $"Several sections of this scope are named \"{Clip(section)}\".");
            else Bad(MembershipField.Section, "UNKNOWN_SECTION", $"There is no section \"{Clip(section)}\" here.");
        }
        else if (columns[MembershipField.Section] < row.Cells.Length) Bad(MembershipField.Section, "MISSING_VALUE", "The section is empty.");
        if (Text(MembershipField.MembershipDate, 30) is { } date)
        {
            if (ParseDate(date) is { } d) parsed.JoinedOn = d;
            else Bad(MembershipField.MembershipDate, "INVALID_DATE", $"\"{Clip(date)}\" is not a date (dd/mm/yyyy or yyyy-mm-dd).");
        }
        parsed.DuesPaid = YesNo(MembershipField.DuesPaid);
        parsed.EmailConsent = YesNo(MembershipField.EmailConsent);
        parsed.SmsConsent = YesNo(MembershipField.SmsConsent);
        return parsed;

        bool? YesNo(MembershipField field)
        {
            if (Text(field, 20) is not { } value) return null;
            switch (MembershipColumns.Simplify(value))
            {
                case "oui" or "o" or "yes" or "y" or "1" or "true" or "vrai" or "x": return true;
                case "non" or "n" or "no" or "0" or "false" or "faux": return false;
                default:
                    Bad(field, "INVALID_YES_NO", $"\"{Clip(value)}\" is neither yes nor no (oui/non, 1/0).");
                    return null;
            }
        }
    }

    private static readonly string[] DateFormats =
        ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];

    private static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1900 and <= 2100
            ? DateOnly.FromDateTime(d) : null;

    /// <summary>Every row sharing a value with another is a problem (which of them is right is for the operator to say).</summary>
    private static void FlagDuplicates(List<ParsedRow> rows, Func<ParsedRow, string?> key, int column, string code, string what, MembershipPlan plan)
    {
        foreach (var group in rows.Where(r => key(r) is not null).GroupBy(r => key(r)!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var lines = group.Select(r => r.Line).ToList();
            foreach (var row in group)
            {
                row.Invalid = true;
                var others = string.Join(", ", lines.Where(l => l != row.Line).Take(5));
                plan.Problem(row.Line, column + 1, code, $"The same {what} is also on line {others}{(lines.Count > 6 ? "…" : "")}.");
            }
        }
    }

    private static void Match(List<ParsedRow> rows, Dictionary<MembershipField, int> columns, MembershipState state, MembershipPlan plan)
    {
        var byNumber = state.People.Where(p => p.Membership is not null).ToDictionary(p => p.Membership!.Number, StringComparer.OrdinalIgnoreCase);
        // Primary records first: a section's linked record of someone is found only when no primary holds that email here.
        var byEmail = state.People.Where(p => p.Email is not null).OrderBy(p => p.LinkedToId is null ? 0 : 1)
            .GroupBy(p => p.Email!).ToDictionary(g => g.Key, g => g.First());
        var numberColumn = columns[MembershipField.MembershipNumber] + 1;
        int? emailColumn = columns.TryGetValue(MembershipField.Email, out var e) ? e + 1 : null;
        var claimed = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            if (row.Number is null) continue;
            if (state.IsErased("number", row.Number) || (row.Email is { } erasedEmail && state.IsErased("email", erasedEmail)))
            {
                row.Invalid = true;
                plan.Problem(row.Line, numberColumn, "ERASED_ON_REQUEST",
                    "This person had their data erased on request: take them out of the file; they can join again themselves.");
                continue;
            }
            if (byNumber.TryGetValue(row.Number, out var person)) row.Person = person;
            else if (state.NumbersElsewhere.Contains(row.Number))
            {
                row.Invalid = true;
                plan.Problem(row.Line, numberColumn, "NUMBER_ELSEWHERE",
                    "This membership number is held outside this scope: a member moving between federations is imported by the national team.");
                continue;
            }
            if (row.Email is { } email && byEmail.TryGetValue(email, out var holder) && holder.Id != row.Person?.Id)
            {
                if (row.Person is null && holder.Membership is { } other && !string.Equals(other.Number, row.Number, StringComparison.OrdinalIgnoreCase))
                {
                    row.Invalid = true;
                    plan.Problem(row.Line, emailColumn, "EMAIL_OF_OTHER_MEMBER", "This email is another member's, whose number is not on this line.");
                    continue;
                }
                if (row.Person is null) row.Person = holder;
                else
                {
                    // Any record of the scope, linked or not: whether a record is linked elsewhere is not the importer's to learn.
                    row.Invalid = true;
                    plan.Problem(row.Line, emailColumn, "EMAIL_TAKEN", "This email is another person's record in this scope.");
                    continue;
                }
            }
            if (row.Person is { Locked: true } locked && row.Email is { } newEmail && newEmail != locked.Email)
            {
                row.Invalid = true;
                plan.Problem(row.Line, emailColumn, "EMAIL_LOCKED",
                    "This member signs in or holds rights: their email is changed by themselves or by who may appoint them, never by a file.");
                continue;
            }
            if (row.Person is { } matched)
            {
                if (claimed.TryGetValue(matched.Id, out var firstLine))
                {
                    row.Invalid = true;
                    plan.Problem(row.Line, numberColumn, "SAME_PERSON", $"This line and line {firstLine} are the same person (by number or email).");
                }
                else claimed[matched.Id] = row.Line;
            }
        }
    }

    private static void Apply(ParsedRow row, MembershipState state, MembershipPlan plan)
    {
        var section = row.Section!;
        var existing = row.Person;
        Guid? linkTo = null;
        if (row.Email is { } email && (existing is null || existing.Email != email) && state.EmailsElsewhere.TryGetValue(email, out var elsewhere))
            linkTo = elsewhere;
        PostalAddress? address = row.Address is null && row.PostalCode is null && row.Commune is null ? null
            : new PostalAddress(row.Address ?? existing?.Address?.Line1 ?? "", existing?.Address?.Line2, row.PostalCode ?? existing?.Address?.PostalCode ?? "",
                row.Commune ?? existing?.Address?.City ?? "", "FR");

        if (existing is null)
        {
            var person = new Person
            {
                Kind = PersonKind.Member, FirstName = row.FirstName!, LastName = row.LastName!, Email = row.Email, LinkedToId = linkTo,
                Phone = row.Mobile, Address = address, SectionId = section.Id, CreatedAt = state.Now, UpdatedAt = state.Now,
            };
            plan.NewPeople.Add(person);
            plan.Memberships.Add(MembershipOf(row, person.Id, state.Scope));
            if (linkTo is { } known) plan.Invitations.Add(new SectionInvitation { PersonId = known, RecordId = person.Id, SectionId = section.Id, CreatedAt = state.Now });
            plan.Counts.NewMembers++;
            plan.Change(MembershipChangeKind.NewMember, row.Line, person.Id, row.Name, section.Name);
            row.Person = new KnownPerson(person.Id, person.Kind, person.FirstName, person.LastName, person.Email, linkTo, person.Phone, address, section.Id, null);
            PlanConsents(row, state, plan);
            return;
        }

        var changed = new List<string>();
        var updated = new Person
        {
            Id = existing.Id, Kind = PersonKind.Member, FirstName = row.FirstName ?? existing.FirstName, LastName = row.LastName ?? existing.LastName,
            Email = row.Email ?? existing.Email, LinkedToId = linkTo ?? existing.LinkedToId, Phone = row.Mobile ?? existing.Phone,
            Address = address ?? existing.Address, SectionId = section.Id, UpdatedAt = state.Now,
        };
        if (updated.FirstName != existing.FirstName) changed.Add("firstName");
        if (updated.LastName != existing.LastName) changed.Add("lastName");
        if (updated.Email != existing.Email) changed.Add("email");
        if (updated.Phone != existing.Phone) changed.Add("mobile");
        if (updated.Address != existing.Address) changed.Add("address");
        var membership = MembershipOf(row, existing.Id, state.Scope);
        if (existing.Membership is { } m)
        {
            if (m.Number != membership.Number) changed.Add("membershipNumber");
            if (m.Title != membership.Title) changed.Add("title");
            if (m.Function != membership.Function) changed.Add("function");
            if (m.JoinedOn != membership.JoinedOn) changed.Add("membershipDate");
            if (m.DuesPaid != membership.DuesPaid) changed.Add("duesPaid");
            if (m.Scope != membership.Scope) changed.Add("scope");
        }
        var becomesMember = existing.Kind != PersonKind.Member;
        var moves = existing.SectionId != section.Id;
        if (becomesMember)
        {
            plan.Counts.BecomeMembers++;
            plan.Change(MembershipChangeKind.BecomesMember, row.Line, existing.Id, row.Name,
                existing.Kind == PersonKind.FormerMember ? "former member" : "supporter");
        }
        if (moves)
        {
            plan.Counts.MoveSection++;
            var from = state.Sections.FirstOrDefault(s => s.Id == existing.SectionId)?.Name ?? "?";
            plan.Change(MembershipChangeKind.MovesSection, row.Line, existing.Id, row.Name, $"{from} → {section.Name}");
        }
        if (changed.Count > 0 && !becomesMember)
        {
            plan.Counts.Updated++;
            plan.Change(MembershipChangeKind.Updated, row.Line, existing.Id, row.Name, string.Join(", ", changed));
        }
        if (changed.Count == 0 && !becomesMember && !moves) plan.Counts.Unchanged++;
        if (becomesMember || moves || updated.FirstName != existing.FirstName || updated.LastName != existing.LastName || updated.Email != existing.Email
            || updated.Phone != existing.Phone || updated.Address != existing.Address || updated.LinkedToId != existing.LinkedToId)
            plan.UpdatedPeople.Add(updated);
        if (existing.Membership is null || changed.Count > 0 || existing.Membership.EndedAt is not null) plan.Memberships.Add(membership);
        if (linkTo is { } k && existing.LinkedToId != k)
            plan.Invitations.Add(new SectionInvitation { PersonId = k, RecordId = existing.Id, SectionId = section.Id, CreatedAt = state.Now });
        row.Person = existing with { Email = updated.Email, Phone = updated.Phone, SectionId = section.Id };
        PlanConsents(row, state, plan);
    }

    private static Membership MembershipOf(ParsedRow row, Guid personId, string scope) => new()
    {
        PersonId = personId, Number = row.Number!, Title = row.Title, Function = row.Function, JoinedOn = row.JoinedOn, DuesPaid = row.DuesPaid, Scope = scope,
    };

    /// <summary>A "yes" of the file is recorded only where the person never decided anything in Coopol (a withdrawal made
    /// here always wins over the membership system); a "no" withdraws only what an import granted.</summary>
    private static void PlanConsents(ParsedRow row, MembershipState state, MembershipPlan plan)
    {
        var person = row.Person!;
        foreach (var (channel, said, contact) in new[] { (ConsentChannel.Email, row.EmailConsent, person.Email), (ConsentChannel.Sms, row.SmsConsent, person.Phone) })
        {
            if (said is not { } granted || contact is null) continue;
            foreach (var purpose in Enum.GetValues<ConsentPurpose>())
            {
                var latest = state.Consents.TryGetValue((person.Id, purpose, channel), out var l) ? l : ((bool Granted, ConsentMethod Method)?)null;
                var record = granted ? latest is null : latest is { Granted: true, Method: ConsentMethod.Import };
                if (!record) continue;
                plan.Consents.Add(new ConsentRecord
                {
                    PersonId = person.Id, Purpose = purpose, Channel = channel, Granted = granted, Method = ConsentMethod.Import, At = state.Now,
                    RecordedById = state.ImporterId, WordingVersion = granted ? ImportWording : null,
                });
                plan.Counts.ConsentsRecorded++;
            }
        }
    }

    /// <summary>The roles the file's functions grant, against those imports granted before: a role no longer listed is
    /// withdrawn (with what was delegated from it), a role granted by hand is never touched.</summary>
    private static void PlanRoles(List<ParsedRow> rows, HashSet<Guid> listed, MembershipState state, MembershipPlan plan)
    {
        var wanted = new HashSet<(Guid Person, Role Role, string? Federation, Guid? Section)>();
        foreach (var row in rows)
        {
            if (row.Invalid || plan.ProblemLines.Contains(row.Line) || row.Function is null || row.Person is not { } person) continue;
            foreach (var function in row.Function.Split([',', '/', '|', '+', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var role = RoleOf(function);
                if (role is null)
                {
                    plan.Counts.RolesNotGranted++;
                    plan.Change(MembershipChangeKind.RoleNotGranted, row.Line, person.Id, row.Name, $"\"{Clip(function)}\" grants no role in Coopol");
                    continue;
                }
                var node = role == Role.SectionSecretary ? TreeNode.Section(row.Section!.FederationCode, row.Section.Id) : TreeNode.Federation(row.Section!.FederationCode);
                var key = (person.Id, role.Value, node.FederationCode, node.SectionId);
                if (!wanted.Add(key)) continue;
                if (state.Grants.Any(g => g.PersonId == person.Id && g.Role == role && g.FederationCode == node.FederationCode && g.SectionId == node.SectionId))
                    continue;
                if (!state.MayAppoint(node) || person.Id == state.ImporterId)
                {
                    plan.Counts.RolesNotGranted++;
                    plan.Change(MembershipChangeKind.RoleNotGranted, row.Line, person.Id, row.Name, person.Id == state.ImporterId
                        ? $"{RoleName(role.Value)}: nobody appoints themselves"
                        : $"{RoleName(role.Value)}: appointed from the level above ({(node.Level == TreeLevel.Federation ? "the national team" : "the federation")})");
                    continue;
                }
                plan.NewGrants.Add(new RoleGrant
                {
                    PersonId = person.Id, Role = role.Value, Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId,
                    Permissions = Permissions.Of(role.Value), GrantedById = state.ImporterId, GrantedAt = state.Now,
                });
                plan.Counts.RolesGranted++;
                plan.Change(MembershipChangeKind.RoleGranted, row.Line, person.Id, row.Name, $"{RoleName(role.Value)}, {(node.SectionId is null ? node.FederationCode : row.Section.Name)}");
            }
        }
        // People on skipped lines keep what they had: a typo never takes a role away.
        var leaving = plan.FormerMembers.ToHashSet();
        var onSkippedLines = rows.Where(r => plan.ProblemLines.Contains(r.Line) && r.Person is not null).Select(r => r.Person!.Id).ToHashSet();
        foreach (var grant in state.Grants)
        {
            if (grant.ImportId is null || onSkippedLines.Contains(grant.PersonId) || !state.MayAppoint(grant.Node)) continue;
            // Only people this file speaks of: listed on it, or leaving because it no longer lists them.
            if (!listed.Contains(grant.PersonId) && !leaving.Contains(grant.PersonId)) continue;
            if (wanted.Contains((grant.PersonId, grant.Role, grant.FederationCode, grant.SectionId))) continue;
            plan.Withdrawn.Add(grant);
            plan.Counts.RolesWithdrawn++;
            var person = state.People.FirstOrDefault(p => p.Id == grant.PersonId);
            plan.Change(MembershipChangeKind.RoleWithdrawn, null, grant.PersonId, person is null ? "?" : $"{person.FirstName} {person.LastName}", RoleName(grant.Role));
        }
    }

    /// <summary>The role a function of the file names: secretaries of a section or a federation; deputies and other
    /// functions (treasurer...) grant none.</summary>
    public static Role? RoleOf(string function)
    {
        var s = MembershipColumns.Simplify(function);
        if (!s.Contains("secretaire") && !s.Contains("secretary")) return null;
        if (s.Contains("adjoint") || s.Contains("deputy") || s.Contains("assistant")) return null;
        if (s.Contains("federal") || s.Contains("federation") || s.Contains("departemental")) return Role.FederationSecretary;
        if (s.Contains("section")) return Role.SectionSecretary;
        return null;
    }

    private static string RoleName(Role role) => role == Role.SectionSecretary ? "section secretary" : "federation secretary";

    public static string FieldName(MembershipField field) => field switch
    {
        MembershipField.MembershipNumber => "the membership number",
        MembershipField.LastName => "the last name",
        MembershipField.FirstName => "the first name",
        MembershipField.PostalCode => "the postal code",
        MembershipField.MembershipDate => "the membership date",
        MembershipField.DuesPaid => "\"dues paid\"",
        MembershipField.EmailConsent => "the email consent",
        MembershipField.SmsConsent => "the SMS consent",
        _ => "the " + field.ToString().ToLowerInvariant(),
    };

    private static string Clip(string s, int max = 60) => s.Length > max ? s[..max] + "…" : s;
}
