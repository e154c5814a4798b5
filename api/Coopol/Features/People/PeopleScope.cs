using System.Linq.Expressions;
using Coopol.Access;

namespace Coopol.Features.People;

/// <summary>Whom the caller may see, with the reach already turned into section ids (so queries use the index on
/// SectionId rather than a join to Sections):
/// <list type="bullet">
/// <item>themselves;</item>
/// <item>everyone in the sections where they hold MANAGE_PEOPLE;</item>
/// <item>everyone but PRIVATE profiles where they hold VIEW_PEOPLE;</item>
/// <item>as a member, the NETWORK profiles of their own section — by name only (<see cref="SeesDetails"/> is false).</item>
/// </list></summary>
public sealed class PeopleScope
{
    private readonly HashSet<Guid> _manage;
    private readonly HashSet<Guid> _view;

    public PeopleScope(CallerPerson? self, bool manageAll, IReadOnlyCollection<Guid> manage, bool viewAll, IReadOnlyCollection<Guid> view)
    {
        Self = self;
        ManageAll = manageAll;
        ViewAll = viewAll || manageAll;
        _manage = manage.ToHashSet();
        _view = view.Where(id => !_manage.Contains(id)).ToHashSet();
        FellowSection = self is { IsMember: true } ? self.SectionId : null;
    }

    public static readonly PeopleScope Nobody = new(null, false, [], false, []);

    public CallerPerson? Self { get; }
    public bool ManageAll { get; }
    public bool ViewAll { get; }
    public Guid? FellowSection { get; }

    public bool Manages(Guid sectionId) => ManageAll || _manage.Contains(sectionId);

    /// <summary>Whether the caller sees the person at all (perhaps by name only).</summary>
    public bool Sees(Person p) => SeesDetails(p) || (p.SectionId == FellowSection && p.ProfileVisibility == ProfileVisibility.Network);

    /// <summary>Whether the caller sees the person's contact details, tags, consents and rights.</summary>
    public bool SeesDetails(Person p) =>
        p.Id == Self?.Id || Manages(p.SectionId)
        || (p.ProfileVisibility != ProfileVisibility.Private && (ViewAll || _view.Contains(p.SectionId)));

    /// <summary>Whether some people are visible to the caller by name only (their fellows' network profiles) in one
    /// section or everywhere: a search must then not match what the caller does not see of them (their email).</summary>
    public bool SeesSomeByNameOnly(Guid? sectionId) =>
        FellowSection is { } f && (sectionId is null || sectionId == f) && !Manages(f) && !ViewAll && !_view.Contains(f);

    /// <summary>The people visible in one section, or everywhere (null), as the narrowest predicate for the planner.</summary>
    public Expression<Func<Person, bool>>? Filter(Guid? sectionId, bool detailsOnly = false)
    {
        var self = Self?.Id;
        if (sectionId is { } s)
        {
            if (Manages(s)) return p => p.SectionId == s;
            var selfHere = Self?.SectionId == s ? self : null;
            if (ViewAll || _view.Contains(s))
                return selfHere is { } me
                    ? p => p.SectionId == s && (p.ProfileVisibility != ProfileVisibility.Private || p.Id == me)
                    : p => p.SectionId == s && p.ProfileVisibility != ProfileVisibility.Private;
            if (!detailsOnly && FellowSection == s)
                return p => p.SectionId == s && (p.ProfileVisibility == ProfileVisibility.Network || p.Id == self);
            return selfHere is { } only ? p => p.Id == only : p => false;
        }
        if (ManageAll) return null;
        var manage = _manage.ToList();
        var view = _view.ToList();
        // The caller's own row, and their fellows' network profiles, only need a branch of their own when no section
        // branch already covers them; a single section is an equality, so PostgreSQL reads it in the index's order.
        var selfOutside = Self is { } caller && !Manages(caller.SectionId) ? caller.Id : (Guid?)null;
        var fellow = detailsOnly || FellowSection is not { } f || Manages(f) || ViewAll || _view.Contains(f) ? null : FellowSection;
        Expression<Func<Person, bool>>? filter = null;
        if (manage.Count == 1)
        {
            var only = manage[0];
            filter = p => p.SectionId == only;
        }
        else if (manage.Count > 1) filter = p => manage.Contains(p.SectionId);
        if (ViewAll) filter = Or(filter, p => p.ProfileVisibility != ProfileVisibility.Private);
        else if (view.Count == 1)
        {
            var only = view[0];
            filter = Or(filter, p => p.SectionId == only && p.ProfileVisibility != ProfileVisibility.Private);
        }
        else if (view.Count > 1) filter = Or(filter, p => view.Contains(p.SectionId) && p.ProfileVisibility != ProfileVisibility.Private);
        if (fellow is { } mine) filter = Or(filter, p => p.SectionId == mine && p.ProfileVisibility == ProfileVisibility.Network);
        if (selfOutside is { } outside) filter = Or(filter, p => p.Id == outside);
        return filter ?? (p => false);
    }

    public static Expression<Func<Person, bool>> Or(Expression<Func<Person, bool>>? a, Expression<Func<Person, bool>> b)
    {
        if (a is null) return b;
        var body = Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)!);
        return Expression.Lambda<Func<Person, bool>>(body, a.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
