using Coopol.Common;
using Coopol.Common.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.People;

/// <summary>People's root fields; each resolver is one call to <see cref="PersonService"/>.</summary>
public static class PeopleFields
{
    public static void AddPeopleQueries(this ObjectGraphType query)
    {
        query.Field<PersonType>("person").Description("Null when the person does not exist or the caller may not see them.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), PersonType.NodeType) is { } id
                ? await ctx.Service<PersonService>().FindAsync(id, ctx.CancellationToken) : null);
        query.Field<NonNullGraphType<ConnectionType<PersonType>>>("people").PagingArguments()
            .Argument<PersonFilterType>("filter")
            .Argument<PersonSortType>("sort", a => a.DefaultValue = PersonSort.NameAsc)
            .ResolveAsync(async ctx => (await ctx.Service<PersonService>().SearchAsync(ctx.GetArgument<PersonFilter?>("filter"),
                ctx.GetArgument<PersonSort>("sort"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }

    public static void AddPeopleMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AddPersonPayloadType>>("addPerson").Argument<NonNullGraphType<AddPersonInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<PersonService>().AddAsync(ctx.GetArgument<AddPersonInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<UpdatePersonPayloadType>>("updatePerson").Argument<NonNullGraphType<UpdatePersonInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<PersonService>().UpdateAsync(ctx.GetArgument<UpdatePersonInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<MovePersonPayloadType>>("movePerson").Argument<NonNullGraphType<MovePersonInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<PersonService>().MoveAsync(ctx.GetArgument<MovePersonInput>("input"), ctx.CancellationToken)));
    }
}

public sealed class AddPersonPayloadType() : PayloadType<PersonType, Person>("AddPersonPayload", "person");

public sealed class UpdatePersonPayloadType() : PayloadType<PersonType, Person>("UpdatePersonPayload", "person");

public sealed class MovePersonPayloadType() : PayloadType<PersonType, Person>("MovePersonPayload", "person");
