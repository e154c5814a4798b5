using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.People;

/// <summary>Search over people by name and email, case and accent insensitive, on a trigram index. The text searched
/// is an immutable SQL function of the row (so PostgreSQL indexes it, GIN with pg_trgm) and the pattern is folded
/// the same way once per query, never per row. Both functions are created by the migration that adds the index.</summary>
public static class PersonSearch
{
    public const int MaxLength = 100;
    public const int MaxWords = 6;

    /// <summary>lower(unaccent(first || ' ' || last || ' ' || email)) in SQL.</summary>
    [DbFunction("coopol_person_search_text", IsBuiltIn = false)]
    public static string Text(string firstName, string lastName, string email) => throw new InvalidOperationException("SQL only.");

    /// <summary>lower(unaccent(text)) in SQL.</summary>
    [DbFunction("coopol_fold", IsBuiltIn = false)]
    public static string Fold(string text) => throw new InvalidOperationException("SQL only.");

    /// <summary>One LIKE pattern per word, with LIKE's own characters escaped (the query says ESCAPE '\').</summary>
    public static IReadOnlyList<string> Patterns(string search) =>
        search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(MaxWords)
            .Select(w => "%" + w.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%")
            .ToList();

    public const string CreateFunctionsSql = """
        CREATE OR REPLACE FUNCTION coopol_fold(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
        CREATE OR REPLACE FUNCTION coopol_person_search_text(first text, last text, email text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(first, '') || ' ' || coalesce(last, '') || ' ' || coalesce(email, ''))) $$;
        """;
}
