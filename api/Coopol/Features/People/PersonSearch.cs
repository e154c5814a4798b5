using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Features.People;

/// <summary>Search over people by name and email, case and accent insensitive, on a trigram index.
/// <list type="bullet">
/// <item>The text searched is a stored column computed by an immutable SQL function of the row, so it is indexed
/// (GIN, pg_trgm) and rechecked without recomputing unaccent per row; the pattern is folded the same way once.</item>
/// <item>Each word of three letters or more narrows the candidates through the index, read apart from the
/// caller's scope and order (an optimisation fence), so a name clustered in the name order (every "Dupont" at D)
/// never makes PostgreSQL walk the whole name index; shorter words then filter those candidates.</item>
/// </list></summary>
public static class PersonSearch
{
    public const int MaxLength = 100;
    public const int MaxWords = 6;
    /// <summary>Shorter words match too much to be searched through the index alone.</summary>
    public const int MinIndexedWordLength = 3;
    public const string Column = "SearchText";

    /// <summary>lower(unaccent(first || ' ' || last || ' ' || email)) in SQL: the stored column's definition.</summary>
    [DbFunction("coopol_person_search_text", IsBuiltIn = false)]
    public static string Text(string firstName, string lastName, string email) => throw new InvalidOperationException("SQL only.");

    /// <summary>lower(unaccent(text)) in SQL.</summary>
    [DbFunction("coopol_fold", IsBuiltIn = false)]
    public static string Fold(string text) => throw new InvalidOperationException("SQL only.");

    /// <summary>The words of a search as LIKE patterns, with LIKE's own characters escaped (the query says ESCAPE '\'):
    /// those the index narrows, and the short ones that filter what it found.</summary>
    public static (IReadOnlyList<string> Indexed, IReadOnlyList<string> Short) Patterns(string search)
    {
        var words = search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxWords).ToList();
        return (words.Where(w => w.Length >= MinIndexedWordLength).Select(Common.LikePattern.Containing).ToList(),
            words.Where(w => w.Length < MinIndexedWordLength).Select(Common.LikePattern.Containing).ToList());
    }

    /// <summary>The people matching every indexed word, behind a fence (OFFSET 0) so the planner reads them through the
    /// trigram index before applying the caller's scope and order.</summary>
    public static IQueryable<Person> Candidates(DbSet<Person> people, IReadOnlyList<string> indexed)
    {
        var conditions = string.Join(" AND ", indexed.Select((_, i) => $"\"{Column}\" LIKE coopol_fold(@search{i}) ESCAPE '\\'"));
        // Only the parameters' names are written into the SQL; the words travel as parameters. EF Core reads the
        // address (a complex property) from raw SQL under its default column names: they are given as aliases.
        var sql = "SELECT *, " + AddressAliases + " FROM \"People\" WHERE " + conditions + " OFFSET 0";
        return people.FromSqlRaw(sql,
            indexed.Select((pattern, i) => (object)new NpgsqlParameter($"search{i}", pattern)).ToArray());
    }

    /// <summary>Every word matched in the first and last name only (for people the caller sees by name only).</summary>
    public static System.Linq.Expressions.Expression<Func<Person, bool>> NamesMatch(IEnumerable<string> patterns)
    {
        System.Linq.Expressions.Expression<Func<Person, bool>>? all = null;
        foreach (var pattern in patterns)
        {
            System.Linq.Expressions.Expression<Func<Person, bool>> one =
                p => EF.Functions.Like(Fold(p.FirstName + " " + p.LastName), Fold(pattern), "\\");
            all = all is null ? one : And(all, one);
        }
        return all ?? (p => true);
    }

    private static System.Linq.Expressions.Expression<Func<Person, bool>> And(
        System.Linq.Expressions.Expression<Func<Person, bool>> a, System.Linq.Expressions.Expression<Func<Person, bool>> b)
    {
        var body = System.Linq.Expressions.Expression.AndAlso(a.Body,
            new Common.Paging.ParameterReplacer(b.Parameters[0], a.Parameters[0]).Visit(b.Body)!);
        return System.Linq.Expressions.Expression.Lambda<Func<Person, bool>>(body, a.Parameters);
    }

    private const string AddressAliases = "\"AddressLine1\" AS \"Address_Line1\", \"AddressLine2\" AS \"Address_Line2\", "
        + "\"AddressPostalCode\" AS \"Address_PostalCode\", \"AddressCity\" AS \"Address_City\", \"AddressCountry\" AS \"Address_Country\"";

    /// <summary>A short word, matched on what the index found.</summary>
    public static IQueryable<Person> Matching(this IQueryable<Person> people, string pattern) =>
        people.Where(p => EF.Functions.Like(EF.Property<string>(p, Column), Fold(pattern), "\\"));

    public const string CreateFunctionsSql = """
        CREATE OR REPLACE FUNCTION coopol_fold(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
        CREATE OR REPLACE FUNCTION coopol_person_search_text(first text, last text, email text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(first, '') || ' ' || coalesce(last, '') || ' ' || coalesce(email, ''))) $$;
        """;
}

public sealed class SearchTooShortException()
    : Common.CoopolException("SEARCH_TOO_SHORT", $"Search with at least one word of {PersonSearch.MinIndexedWordLength} letters or more.");
