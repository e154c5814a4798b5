using Coopol.Common;

namespace Coopol.Features.Targets;

/// <summary>A polling station's round result as a section secretary enters it from a phone: the counts of the minutes
/// (procès-verbal), and the votes of each candidate.</summary>
public sealed record ResultEntry(int Registered, int Voters, int Blank, int Null, int Expressed, IReadOnlyDictionary<string, int> CandidateVotes);

/// <summary>The checks a station's minutes satisfy, each failing one named by its field and a code the form shows next
/// to it: nothing is recorded while one fails.</summary>
public static class ResultEntryRules
{
    public static IReadOnlyList<FieldError> Check(ResultEntry entry, IReadOnlyCollection<string> candidates)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string code, string message) => errors.Add(new FieldError(field, code, message));
        foreach (var (field, value) in new[] { ("registered", entry.Registered), ("voters", entry.Voters), ("blank", entry.Blank), ("null", entry.Null), ("expressed", entry.Expressed) })
            if (value < 0) Fail(field, "NEGATIVE", "A count is never below zero.");
        foreach (var (candidate, votes) in entry.CandidateVotes)
        {
            if (!candidates.Contains(candidate)) Fail($"votes.{candidate}", "UNKNOWN_CANDIDATE", "This candidate does not stand in this station's constituency.");
            else if (votes < 0) Fail($"votes.{candidate}", "NEGATIVE", "A count is never below zero.");
        }
        foreach (var missing in candidates.Where(c => !entry.CandidateVotes.ContainsKey(c)))
            Fail($"votes.{missing}", "MISSING", "Enter every candidate's votes, 0 included.");
        if (errors.Count > 0) return errors;
        if (entry.Voters > entry.Registered) Fail("voters", "MORE_VOTERS_THAN_REGISTERED", $"{entry.Voters} voters for {entry.Registered} registered.");
        if (entry.Blank + entry.Null + entry.Expressed != entry.Voters)
            Fail("voters", "VOTERS_DO_NOT_ADD_UP",
                $"Blank ({entry.Blank}) + null ({entry.Null}) + expressed ({entry.Expressed}) make {entry.Blank + entry.Null + entry.Expressed}, not {entry.Voters} voters.");
        var sum = entry.CandidateVotes.Values.Sum();
        if (sum != entry.Expressed)
            Fail("expressed", "VOTES_DO_NOT_ADD_UP", $"The candidates' votes make {sum}, not {entry.Expressed} expressed.");
        return errors;
    }
}

/// <summary>A bloc definition for a campaign: which bloc each nuance belongs to, and which blocs are "our side". A nuance
/// the elections use that the definition leaves out would silently count for no one, so it is an error that names it.</summary>
public static class BlocDefinitionRules
{
    public static IReadOnlyList<FieldError> Check(IReadOnlyDictionary<string, string> blocOfNuance, IReadOnlyCollection<string> ourSide,
        IReadOnlyCollection<string> nuancesInUse)
    {
        var errors = new List<FieldError>();
        var unassigned = nuancesInUse.Where(n => !blocOfNuance.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        if (unassigned.Count > 0)
            errors.Add(new FieldError("blocs", "NUANCES_UNASSIGNED",
                $"These nuances of the campaign's elections belong to no bloc: {string.Join(", ", unassigned)}."));
        if (ourSide.Count == 0) errors.Add(new FieldError("ourSide", "REQUIRED", "Choose the blocs that are our side."));
        var blocs = blocOfNuance.Values.ToHashSet();
        foreach (var bloc in ourSide.Where(b => !blocs.Contains(b)))
            errors.Add(new FieldError("ourSide", "UNKNOWN_BLOC", $"There is no bloc \"{(bloc.Length > 40 ? bloc[..40] : bloc)}\" in this definition."));
        if (ourSide.Count > 0 && blocs.All(ourSide.Contains))
            errors.Add(new FieldError("ourSide", "NO_OTHER_SIDE", "Our side cannot be every bloc: the potentials compare it with the others."));
        return errors;
    }
}
