using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Coopol.Geo;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.PartyTree;

public sealed class FederationType : ObjectGraphType<Federation>
{
    public FederationType()
    {
        Name = "Federation";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(SectionService.FederationNodeType, ctx.Source.Code));
        Field(f => f.Code);
        Field(f => f.Name);
        Field<NonNullGraphType<ConnectionType<SectionType>>>("sections").PagingArguments()
            .Resolve(ctx => ctx.Service<FederationSectionsLoader>().Load((ctx.Source.Code, ctx.PageRequest()))
                .Then(page => page!.ToConnection()));
    }
}

public sealed class SectionType : ObjectGraphType<Section>
{
    public SectionType()
    {
        Name = "Section";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(SectionService.NodeType, ctx.Source.Id));
        Field(s => s.Name);
        Field<NonNullGraphType<FederationType>>("federation")
            .Resolve(ctx => ctx.Service<FederationLoader>().Load(ctx.Source.FederationCode));
        Field(s => s.SeatAddress, nullable: true);
        Field<GeoPointType>("seatLocation").Resolve(ctx => ctx.Source.SeatLocation);
        Field<NonNullGraphType<BooleanGraphType>>("hasTerritory").Resolve(ctx => ctx.Source.Territory is not null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PermissionType>>>>("viewerPermissions")
            .Description("The permissions the viewer holds over this section (through it, its federation or nationally).")
            .ResolveAsync(async ctx =>
            {
                var rights = await ctx.Service<CallerContext>().GetRightsAsync(ctx.CancellationToken);
                var node = SectionService.NodeOf(ctx.Source);
                return Permissions.Split(Permissions.Combine(rights.Grants.Where(g => g.Covers(node)).Select(g => g.Permissions))).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PermissionType>>>>("delegablePermissions")
            .Description("The permissions the viewer may delegate on this section: held there by a grant that allows handing them on, "
                + "and acted on by some feature today.")
            .ResolveAsync(async ctx => RoleService.DelegableOn(await ctx.Service<CallerContext>().GetRightsAsync(ctx.CancellationToken),
                SectionService.NodeOf(ctx.Source), ctx.Service<PermissionsInUse>()));
        Field<ConnectionType<PersonType>>("people")
            .Description("People of this section; null with a FORBIDDEN error when the caller may not view its people.")
            .PagingArguments()
            .Argument<PersonFilterType>("filter")
            .Argument<PersonSortType>("sort", a => a.DefaultValue = PersonSort.NameAsc)
            .WithComplexityImpact(GraphQLLimits.PeopleListImpact)
            .ResolveAsync(async ctx =>
            {
                if (!await ctx.Service<PersonService>().MayListAsync(ctx.Source, ctx.CancellationToken))
                    throw new ForbiddenException("You have no right to see the people of this section.");
                var query = new SectionPeopleQuery(ctx.GetArgument<PersonFilter?>("filter"), ctx.GetArgument<PersonSort>("sort"), ctx.PageRequest());
                return ctx.Service<SectionPeopleLoader>().Load((ctx.Source.Id, query)).Then(page => page!.ToConnection());
            });
    }
}

public sealed class CreateSectionInputType : InputObjectGraphType<CreateSectionInput>
{
    public CreateSectionInputType()
    {
        Name = "CreateSectionInput";
        Field(x => x.FederationCode);
        Field(x => x.Name);
        Field(x => x.SeatAddress, nullable: true);
        Field<GeoPointInputType>("seatLocation");
    }
}

public sealed class RenameSectionInputType : InputObjectGraphType<RenameSectionInput>
{
    public RenameSectionInputType()
    {
        Name = "RenameSectionInput";
        Field<NonNullGraphType<IdGraphType>>("sectionId");
        Field(x => x.Name);
    }
}
