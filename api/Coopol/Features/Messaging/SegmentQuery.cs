using Coopol.Data;
using Coopol.Features.Actions;
using Coopol.Features.Geography;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Messaging;

/// <summary>A segment's filters applied to the people a sender may reach (<see cref="PeopleAccess.AudienceAsync"/>).</summary>
public static class SegmentQuery
{
    /// <summary>ST_Covers(area, location::geometry) in SQL: a person's point (geography) inside a drawn area or contour (geometry).</summary>
    [DbFunction("coopol_covers", IsBuiltIn = false)]
    public static bool Covers(Geometry area, Point location) => throw new InvalidOperationException("SQL only.");

    public const string CreateFunctionSql = """
        CREATE OR REPLACE FUNCTION coopol_covers(area geometry, location geography) RETURNS boolean
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.ST_Covers(area, location::public.geometry) $$;
        """;

    public static IQueryable<Person> Apply(IQueryable<Person> people, SegmentDefinition d, MultiPolygon? area, CoopolDbContext db)
    {
        if (d.PersonIds.Count > 0) people = people.Where(p => d.PersonIds.Contains(p.Id));
        if (d.Kinds.Count > 0) people = people.Where(p => d.Kinds.Contains(p.Kind));
        if (d.Tags.Count > 0)
        {
            var tags = d.Tags.Select(t => t.ToLowerInvariant()).ToList();
            people = people.Where(p => p.Tags.Any(t => tags.Contains(t.ToLower())));
        }
        if (d.SectionIds.Count > 0) people = people.Where(p => d.SectionIds.Contains(p.SectionId));
        if (d.StationIds.Count > 0)
        {
            var stations = db.Set<PollingStation>().Where(s => d.StationIds.Contains(s.Id) && s.Contour != null);
            people = people.Where(p => p.Location != null && stations.Any(s => Covers(s.Contour!, p.Location)));
        }
        if (area is not null) people = people.Where(p => p.Location != null && Covers(area, p.Location));
        if (d.ActionIds.Count > 0)
        {
            // Took part: joined and still in (confirmed), whether or not checked in.
            var took = db.Set<ActionParticipant>().Where(a => d.ActionIds.Contains(a.ActionId) && a.Status == ParticipationStatus.Confirmed);
            people = people.Where(p => took.Any(a => a.PersonId == p.Id));
        }
        return people;
    }
}
