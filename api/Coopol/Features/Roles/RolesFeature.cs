using Coopol.Access;
using Coopol.Common.GraphQL;
using Coopol.Data;
using Coopol.Data.DemoData;
using Coopol.Features.People;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Coopol.Features.Privacy;

namespace Coopol.Features.Roles;

/// <summary>Roles and delegations: granting, revoking down the chain, the audit trail.</summary>
public sealed class RolesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IPersonalDataStep, RolesPersonalData>().AddScoped<RoleService>().AddScoped<ActiveGrantsLoader>().AddScoped<MayRevokeLoader>()
            .AddScoped<RecordExpiredGrantsJob>().AddScoped<IPersonMergeStep, RolesMergeStep>();

    public Permission Permissions => Permission.ManageDelegations;

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<RoleGrantType>>>("delegations")
            .Description("Delegations the caller may see: their own, those they granted, and those on nodes they manage.")
            .PagingArguments().Argument<DelegationFilterType>("filter")
            .ResolveAsync(async ctx => (await ctx.Service<RoleService>().DelegationsAsync(
                ctx.GetArgument<DelegationFilter?>("filter"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GrantRolePayloadType>>("grantRole").Argument<NonNullGraphType<GrantRoleInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().GrantRoleAsync(ctx.GetArgument<GrantRoleInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RevokeRolePayloadType>>("revokeRole").Argument<NonNullGraphType<RevokeRoleInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().RevokeRoleAsync(ctx.GetArgument<RevokeRoleInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<GrantDelegationPayloadType>>("grantDelegation").Argument<NonNullGraphType<GrantDelegationInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().GrantDelegationAsync(ctx.GetArgument<GrantDelegationInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RevokeDelegationPayloadType>>("revokeDelegation").Argument<NonNullGraphType<RevokeDelegationInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().RevokeDelegationAsync(ctx.GetArgument<RevokeDelegationInput>("input"), ctx.CancellationToken)));
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
        [NodeFetcher.ForGuids(RoleService.NodeType, (s, ids, ct) => s.GetRequiredService<RoleService>().VisibleByIdsAsync(ids, ct))];

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RecordExpiredGrantsJob>(RecordExpiredGrantsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());

    /// <summary>The demo's role holders: the demo accounts, and a secretary for every other section.</summary>
    public async Task SeedDemoAsync(DemoWorld demo, CancellationToken ct)
    {
        var now = demo.Now;
        RoleGrant Elected(Person holder, Role role, TreeLevel level, string? federation, Guid? section, Guid? grantedBy) => new()
        {
            PersonId = holder.Id, Role = role, Level = level, FederationCode = federation, SectionId = section,
            Permissions = Access.Permissions.Of(role), GrantedById = grantedBy, GrantedAt = now,
        };
        var brest = demo.SectionNamed(DemoUsers.BrestCentre).Section;
        var national = Elected(demo.Accounts[DemoUsers.National.Email], Access.Role.NationalTeam, TreeLevel.National, null, null, null);
        var fed29 = Elected(demo.Accounts[DemoUsers.Federation29.Email], Access.Role.FederationSecretary, TreeLevel.Federation, "29", null, national.PersonId);
        var secretary = Elected(demo.Accounts[DemoUsers.SectionSecretary.Email], Access.Role.SectionSecretary, TreeLevel.Section, "29", brest.Id, fed29.PersonId);
        var grants = new List<RoleGrant> { national, fed29, secretary };
        grants.Add(new RoleGrant
        {
            PersonId = demo.Accounts[DemoUsers.Delegate.Email].Id, Role = Access.Role.Delegate, Level = TreeLevel.Section,
            FederationCode = "29", SectionId = brest.Id, Permissions = DemoUsers.DelegatePermissions, ParentGrantId = secretary.Id,
            GrantedById = secretary.PersonId, GrantedAt = now,
        });
        foreach (var section in demo.Sections.Select(s => s.Section).Where(s => s != brest))
        {
            var holder = demo.People.First(p => p.SectionId == section.Id && p.Kind == PersonKind.Member);
            grants.Add(Elected(holder, Access.Role.SectionSecretary, TreeLevel.Section, section.FederationCode, section.Id, national.PersonId));
        }
        // Parents first: a delegation points at the grant it was carved from.
        demo.Db.RoleGrants.AddRange(grants.Where(g => g.ParentGrantId is null));
        await demo.Db.SaveChangesAsync(ct);
        demo.Db.RoleGrants.AddRange(grants.Where(g => g.ParentGrantId is not null));
        demo.Db.RoleGrantEvents.AddRange(grants.Select(g => RoleGrantEvent.Of(g, RoleGrantEventKind.Granted, g.GrantedById, now)));
    }
}

/// <summary>Rights follow a person's records when two become one.</summary>
public sealed class RolesMergeStep(CoopolDbContext db) : IPersonMergeStep
{
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        await db.RoleGrants.Where(g => g.PersonId == from).ExecuteUpdateAsync(u => u.SetProperty(g => g.PersonId, into), ct);
        await db.RoleGrants.Where(g => g.GrantedById == from).ExecuteUpdateAsync(u => u.SetProperty(g => g.GrantedById, into), ct);
        await db.RoleGrants.Where(g => g.RevokedById == from).ExecuteUpdateAsync(u => u.SetProperty(g => g.RevokedById, into), ct);
        await db.RoleGrantEvents.Where(e => e.GranteeId == from).ExecuteUpdateAsync(u => u.SetProperty(e => e.GranteeId, into), ct);
        await db.RoleGrantEvents.Where(e => e.ActorId == from).ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorId, into), ct);
    }
}

public sealed class GrantRolePayloadType() : PayloadType<RoleGrantType, RoleGrant>("GrantRolePayload", "grant");

public sealed class RevokeRolePayloadType() : PayloadType<RoleGrantType, RoleGrant>("RevokeRolePayload", "grant");

public sealed class GrantDelegationPayloadType() : PayloadType<RoleGrantType, RoleGrant>("GrantDelegationPayload", "delegation");

public sealed class RevokeDelegationPayloadType() : PayloadType<RoleGrantType, RoleGrant>("RevokeDelegationPayload", "delegation");
