using Coopol.Common;
using Coopol.Common.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.PartyTree;

/// <summary>The party tree's root fields; each resolver is one call to <see cref="SectionService"/>.</summary>
public static class PartyTreeFields
{
    public static void AddPartyTreeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<FederationType>>>("federations").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<SectionService>().FederationsAsync(ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<FederationType>("federation").Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async ctx => await ctx.Service<SectionService>().FindFederationAsync(ctx.GetArgument<string>("code"), ctx.CancellationToken));
        query.Field<SectionType>("section").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), SectionService.NodeType) is { } id
                ? await ctx.Service<SectionService>().FindAsync(id, ctx.CancellationToken) : null);
    }

    public static void AddPartyTreeMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateSectionPayloadType>>("createSection")
            .Argument<NonNullGraphType<CreateSectionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Section>.RunAsync(() =>
                ctx.Service<SectionService>().CreateAsync(ctx.GetArgument<CreateSectionInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RenameSectionPayloadType>>("renameSection")
            .Argument<NonNullGraphType<RenameSectionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Section>.RunAsync(() =>
                ctx.Service<SectionService>().RenameAsync(ctx.GetArgument<RenameSectionInput>("input"), ctx.CancellationToken)));
    }
}

public sealed class CreateSectionPayloadType() : PayloadType<SectionType, Section>("CreateSectionPayload", "section");

public sealed class RenameSectionPayloadType() : PayloadType<SectionType, Section>("RenameSectionPayload", "section");
