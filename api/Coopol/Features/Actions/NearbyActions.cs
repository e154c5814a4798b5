using System.Globalization;
using System.Text;
using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.Geography;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Actions;

/// <summary>A place people search from: a point, or a commune found by postcode or name (its label says which).</summary>
public sealed record ResolvedPlace(string? Label, string? CommuneCode, Point? Point);

/// <summary>One action found near a place, with its distance in metres (to its approximate point when not public).</summary>
public sealed record NearbyHit(ActionView View, double DistanceMeters);

public sealed record NearbyResult(ResolvedPlace Place, Page<NearbyHit> Actions);

/// <summary>"Near me": upcoming published actions within a radius of a place, that the caller may see, by distance then
/// date. The query is PostGIS geography on the partial spatial index of published actions (see
/// <see cref="FieldActionConfiguration"/>); <see cref="Sql"/> is the bare query, which the benchmark times alone.</summary>
public sealed class NearbyActions(CoopolDbContext db, ActionAccess access, TimeProvider clock, IValidator<NearbyActionsQuery> validator)
{
    /// <summary>Who is asking, as the query's visibility filter needs it.</summary>
    public sealed record Viewer(bool IsPerson, Guid? SectionId, bool ManagesAll, string[] Federations, Guid[] Sections)
    {
        public static readonly Viewer Anonymous = new(false, null, false, [], []);

        public static Viewer Of(Rights rights)
        {
            if (rights.Person is not { } me) return Anonymous;
            var reach = rights.ReachOf(Permission.ManageActions);
            return new Viewer(true, me.SectionId, reach.Everywhere, [.. reach.FederationCodes], [.. reach.SectionIds]);
        }
    }

    public sealed record Row(Guid Id, double Distance, DateTime StartsAt);

    private static readonly KeysetOrder<Row> Order = KeysetOrder<Row>.Ascending("near",
        KeysetOrder<Row>.Key(r => r.Distance), KeysetOrder<Row>.Key(r => r.StartsAt), KeysetOrder<Row>.Key(r => r.Id));

    public async Task<NearbyResult> FindAsync(NearbyActionsQuery query, PageRequest page, CancellationToken ct)
    {
        validator.ValidateOrThrow(query);
        var place = await ResolveAsync(query.Near, ct);
        var rights = await access.RightsAsync(ct);
        object[]? after = page.After is { } cursor ? Order.Decode(cursor, "after") : null;
        var rows = await RunAsync(db, place.Point!, query.RadiusKm * 1000, Viewer.Of(rights), clock.GetUtcNow().UtcDateTime,
            query.Kinds, Instants.Utc(query.From), Instants.Utc(query.To), after, page.Size + 1, ct);
        var hasNext = rows.Count > page.Size;
        if (hasNext) rows.RemoveAt(rows.Count - 1);
        var actions = await db.Set<FieldAction>().AsNoTracking().Where(a => rows.Select(r => r.Id).Contains(a.Id)).ToListAsync(ct);
        var views = await access.ViewsAsync(actions, ct);
        var hits = rows.Where(r => views.ContainsKey(r.Id)).Select(r => (Row: r, Hit: new NearbyHit(views[r.Id], Math.Round(r.Distance)))).ToList();
        var cursors = hits.ToDictionary(h => h.Hit, h => Order.CursorOf(h.Row));
        return new NearbyResult(place, new Page<NearbyHit>(hits.Select(h => h.Hit).ToList(), hasNext, page.After is not null, null, h => cursors[h]));
    }

    /// <summary>The bare query: ids, distances and starts of the matching actions, in order.</summary>
    public static async Task<List<Row>> RunAsync(CoopolDbContext db, Point point, double radiusMeters, Viewer viewer, DateTime now,
        IReadOnlyCollection<ActionKind>? kinds, DateTime? from, DateTime? to, object[]? after, int limit, CancellationToken ct)
    {
        await using var command = await db.CommandAsync(Sql(kinds is { Count: > 0 }, from is not null, to is not null, after is not null), ct);
        command.Parameters.Add(new NpgsqlParameter("lon", point.X));
        command.Parameters.Add(new NpgsqlParameter("lat", point.Y));
        command.Parameters.Add(new NpgsqlParameter("radius", radiusMeters));
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        command.Parameters.Add(new NpgsqlParameter("isPerson", viewer.IsPerson));
        command.Parameters.Add(new NpgsqlParameter("mySection", NpgsqlDbType.Uuid) { Value = (object?)viewer.SectionId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("managesAll", viewer.ManagesAll));
        command.Parameters.Add(new NpgsqlParameter("federations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = viewer.Federations });
        command.Parameters.Add(new NpgsqlParameter("sections", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = viewer.Sections });
        command.Parameters.Add(new NpgsqlParameter("limit", limit));
        if (kinds is { Count: > 0 })
            command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = kinds.Select(k => k.ToString()).ToArray() });
        if (from is not null) command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from });
        if (to is not null) command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to });
        if (after is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("afterDistance", (double)after[0]));
            command.Parameters.Add(new NpgsqlParameter("afterStart", NpgsqlDbType.TimestampTz) { Value = DateTime.SpecifyKind((DateTime)after[1], DateTimeKind.Utc) });
            command.Parameters.Add(new NpgsqlParameter("afterId", (Guid)after[2]));
        }
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(new Row(reader.GetGuid(0), reader.GetDouble(1), reader.GetDateTime(2)));
        return rows;
    }

    /// <summary>Two index scans of the published actions: the nearest <c>@limit</c> matching ones (a nearest-neighbour
    /// scan reads about that many entries, however dense the area), whose farthest sets how far to look; then every
    /// match that near, in full order (distance, start, id). Distances are on the sphere, in metres, for both the
    /// radius and the order.</summary>
    public static string Sql(bool kinds, bool from, bool to, bool after)
    {
        const string here = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";
        var filters = new StringBuilder($"""
              a."Status" = 'Published' AND a."EndsAt" > @now
              AND (a."Visibility" = 'Public'
                   OR (@isPerson AND a."Visibility" = 'MembersAndSupporters')
                   OR (@isPerson AND a."SectionId" = @mySection)
                   OR @managesAll OR a."FederationCode" = ANY(@federations) OR a."SectionId" = ANY(@sections))
            """);
        if (kinds) filters.Append("""  AND a."Kind" = ANY(@kinds)""").Append('\n');
        if (from) filters.Append("""  AND a."EndsAt" >= @from""").Append('\n');
        if (to) filters.Append("""  AND a."StartsAt" < @to""").Append('\n');
        if (after) filters.Append($"""  AND (a."SearchPoint" <-> {here}, a."StartsAt", a."Id") > (@afterDistance, @afterStart, @afterId)""").Append('\n');
        return $"""
            WITH cut AS (
              SELECT least(max(k.d), @radius) AS reach FROM (
                SELECT a."SearchPoint" <-> {here} AS d FROM "Actions" a
                WHERE {filters}
                ORDER BY a."SearchPoint" <-> {here} LIMIT @limit) k)
            SELECT a."Id", a."SearchPoint" <-> {here} AS d, a."StartsAt"
            FROM "Actions" a, cut
            WHERE {filters}
              AND ST_DWithin(a."SearchPoint", {here}, cut.reach + 1, false)
              AND (a."SearchPoint" <-> {here}) <= cut.reach
            ORDER BY 2, 3, 1 LIMIT @limit
            """;
    }

    /// <summary>A point, or the commune a postcode or a name designates (the most populous when several match), at a
    /// point inside its boundary.</summary>
    public async Task<ResolvedPlace> ResolveAsync(NearInput near, CancellationToken ct) =>
        await TryResolveAsync(near, ct) is { Point: not null } place ? place
            : throw new PlaceWithoutMapException(near.Place!.Trim());

    public async Task<ResolvedPlace?> TryResolveAsync(NearInput near, CancellationToken ct)
    {
        if (near.Point is { } p) return new ResolvedPlace(null, null, new Point(p.Longitude, p.Latitude) { SRID = 4326 });
        var text = near.Place?.Trim() ?? "";
        IQueryable<Commune> candidates = db.Set<Commune>().AsNoTracking()
            .Where(c => c.Kind == "commune-actuelle" || c.Kind == "arrondissement-municipal");
        if (text.Length == 5 && text.All(char.IsAsciiDigit))
            candidates = candidates.Where(c => c.PostalCodes.Contains(text));
        else
        {
            var name = Fold(text);
            if (name.Length < 2) throw new PlaceNotFoundException(text);
            candidates = candidates.Where(c => EF.Functions.Unaccent(c.Name.ToLower()).Replace("-", " ").Replace("'", " ") == name);
        }
        var communes = await candidates.OrderByDescending(c => c.Boundary != null).ThenByDescending(c => c.Population)
            .Select(c => new { c.Code, c.Name, c.DepartementCode, Point = c.Boundary == null ? null : c.Boundary.PointOnSurface })
            .Take(20).ToListAsync(ct);
        if (communes.Count == 0) throw new PlaceNotFoundException(text);
        var best = communes[0];
        var point = best.Point is null ? null : new Point(best.Point.X, best.Point.Y) { SRID = 4326 };
        return new ResolvedPlace($"{best.Name} ({best.DepartementCode})", best.Code, point);
    }

    /// <summary>The section whose territory holds the point, else the nearest by territory, else by seat: each an index scan.</summary>
    public async Task<Guid?> SectionForAsync(Point point, CancellationToken ct)
    {
        await using var command = await db.CommandAsync("""
            SELECT id FROM (
              (SELECT s."Id" AS id, 0 AS rank FROM "Sections" s WHERE ST_Intersects(s."Territory", ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)) LIMIT 1)
              UNION ALL
              (SELECT s."Id", 1 FROM "Sections" s WHERE s."Territory" IS NOT NULL
               ORDER BY s."Territory" <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) LIMIT 1)
              UNION ALL
              (SELECT s."Id", 2 FROM "Sections" s WHERE s."SeatLocation" IS NOT NULL
               ORDER BY s."SeatLocation" <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography LIMIT 1)
            ) found ORDER BY rank LIMIT 1
            """, ct);
        command.Parameters.Add(new NpgsqlParameter("lon", point.X));
        command.Parameters.Add(new NpgsqlParameter("lat", point.Y));
        return await command.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    /// <summary>Lower case without accents, hyphens or apostrophes ("Saint-Brieuc" = "saint brieuc").</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => c is '-' or '\'' or '’' ? ' ' : c);
        return string.Join(' ', new string(kept.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
