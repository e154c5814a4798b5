using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.PartyTree;
using Coopol.Features.Roles;
using Coopol.Geo;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.People;

public sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        Description = "A member or supporter. Fellow members who see a NETWORK profile get the name, kind and section only: "
            + "every other field is null for them (viewerSeesDetails is false).";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(PersonService.NodeType, ctx.Source.Id));
        Field<NonNullGraphType<PersonKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(p => p.FirstName);
        Field(p => p.LastName);
        Field(p => p.DisplayName);
        Field<NonNullGraphType<SectionType>>("section").Resolve(ctx => ctx.Service<SectionLoader>().Load(ctx.Source.SectionId));
        Field<NonNullGraphType<BooleanGraphType>>("viewerSeesDetails")
            .Description("Whether the viewer sees this person's contact details, tags, consents and rights.")
            .ResolveAsync(async ctx => await SeesDetailsAsync(ctx));
        Field<NonNullGraphType<BooleanGraphType>>("viewerCanManage")
            .Description("Whether the viewer manages this person's section (MANAGE_PEOPLE): edits them and records consents given on paper.")
            .ResolveAsync(async ctx => (await ctx.Service<PeopleAccess>().ScopeAsync(ctx.CancellationToken)).Manages(ctx.Source.SectionId));
        Field<NonNullGraphType<BooleanGraphType>>("isViewer").Description("Whether this is the viewer's own record.")
            .ResolveAsync(async ctx => (await ctx.Service<PeopleAccess>().ScopeAsync(ctx.CancellationToken)).Self?.Id == ctx.Source.Id);

        Detail<StringGraphType>("email", p => p.Email);
        Detail<StringGraphType>("phone", p => p.Phone).Description("E.164, e.g. +33612345678");
        Detail<PostalAddressType>("address", p => p.Address);
        Detail<GeoPointType>("location", p => p.Location);
        Detail<ListGraphType<NonNullGraphType<StringGraphType>>>("tags", p => p.Tags);
        Detail<ProfileVisibilityType>("profileVisibility", p => p.ProfileVisibility);
        Detail<DateTimeGraphType>("createdAt", p => p.CreatedAt);
        Detail<BooleanGraphType>("signsIn", p => p.AccountSubject is not null)
            .Description("Whether this person has signed in to Coopol: their email then changes with their account, not by a manager.");
        Detail<DateTimeGraphType>("updatedAt", p => p.UpdatedAt);
        Field<ListGraphType<NonNullGraphType<ConsentType>>>("consents")
            .Description("The current value of each consent (purpose × channel), derived from the ledger.")
            .ResolveAsync(async ctx => await SeesDetailsAsync(ctx) ? ctx.Service<CurrentConsentsLoader>().Load(ctx.Source.Id) : null);
        Field<ConnectionType<ConsentRecordType>>("consentHistory").Description("The consent ledger, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx => await SeesDetailsAsync(ctx)
                ? (await ctx.Service<ConsentService>().HistoryAsync(ctx.Source.Id, ctx.PageRequest(), ctx.CancellationToken)).ToConnection()
                : null);
        Field<ConnectionType<AccessLogEntryType>>("accessLog")
            .Description("Who opened this person's page or exported them, newest first: for the person and the national team only (null otherwise).")
            .PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<PeopleAccess>().AccessLogAsync(ctx.Source.Id, ctx.PageRequest(), ctx.CancellationToken))?.ToConnection());
        Field<ConnectionType<RoleGrantType>>("grants").Description("Active roles and delegations this person holds.")
            .PagingArguments()
            .ResolveAsync(async ctx => await SeesDetailsAsync(ctx)
                ? ctx.Service<ActiveGrantsLoader>().Load(ctx.Source.Id).Then(grants => InMemoryConnections.Of(grants ?? [], ctx.PageRequest()))
                : null);
    }

    private FieldBuilder<Person, object> Detail<TGraph>(string name, Func<Person, object?> value) where TGraph : IGraphType =>
        Field<TGraph>(name).ResolveAsync(async ctx => await SeesDetailsAsync(ctx) ? value(ctx.Source) : null);

    private static async Task<bool> SeesDetailsAsync(IResolveFieldContext<Person> ctx) =>
        (await ctx.Service<PeopleAccess>().ScopeAsync(ctx.CancellationToken)).SeesDetails(ctx.Source);
}

public sealed class PostalAddressType : ObjectGraphType<PostalAddress>
{
    public PostalAddressType()
    {
        Name = "PostalAddress";
        Field(a => a.Line1);
        Field(a => a.Line2, nullable: true);
        Field(a => a.PostalCode);
        Field(a => a.City);
        Field(a => a.Country);
    }
}

public sealed class AccessLogEntryType : ObjectGraphType<AccessLogView>
{
    public AccessLogEntryType()
    {
        Name = "AccessLogEntry";
        Field<NonNullGraphType<AccessKindType>>("kind").Resolve(ctx => ctx.Source.Entry.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.Entry.At);
        Field<StringGraphType>("actorName").Description("Who did it (null if that person was since erased).").Resolve(ctx => ctx.Source.ActorName);
    }
}

public sealed class PersonKindType : EnumerationGraphType<PersonKind>
{
    public PersonKindType() => Name = "PersonKind";
}

public sealed class ProfileVisibilityType : EnumerationGraphType<ProfileVisibility>
{
    public ProfileVisibilityType()
    {
        Name = "ProfileVisibility";
        Description = "PRIVATE: only those who manage the person's section. SECTION: also those who may view its people. "
            + "NETWORK: also fellow members of the section, by name only.";
    }
}

public sealed class AccessKindType : EnumerationGraphType<AccessKind>
{
    public AccessKindType() => Name = "AccessKind";
}

public sealed class PersonSortType : EnumerationGraphType<PersonSort>
{
    public PersonSortType() => Name = "PersonSort";
}
