using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.People;
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
            .ResolveAsync(async ctx => (await ctx.Service<SectionService>()
                .SectionsOfAsync(ctx.Source.Code, ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
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
        Field<ConnectionType<PersonType>>("people")
            .Description("People of this section; null with a FORBIDDEN error when the caller has no right here.")
            .PagingArguments()
            .Argument<PersonFilterType>("filter")
            .Argument<PersonSortType>("sort", a => a.DefaultValue = PersonSort.NameAsc)
            .ResolveAsync(async ctx => (await ctx.Service<PersonService>().OfSectionAsync(ctx.Source,
                ctx.GetArgument<PersonFilter?>("filter"), ctx.GetArgument<PersonSort>("sort"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
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
