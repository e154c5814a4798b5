using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.PartyTree;
using Coopol.Features.Roles;
using GraphQL.Types;

namespace Coopol.Features.People;

public sealed class PersonType : ObjectGraphType<Person>
{
    public const string NodeType = "Person";

    public PersonType()
    {
        Name = "Person";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(NodeType, ctx.Source.Id));
        Field<NonNullGraphType<PersonKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(p => p.FirstName);
        Field(p => p.LastName);
        Field(p => p.DisplayName);
        Field(p => p.Email);
        Field(p => p.Phone, nullable: true).Description("E.164, e.g. +33612345678");
        Field<PostalAddressType>("address").Resolve(ctx => ctx.Source.Address);
        Field<GeoPointType>("location").Resolve(ctx => ctx.Source.Location);
        Field<NonNullGraphType<SectionType>>("section").Resolve(ctx => ctx.Service<SectionLoader>().Load(ctx.Source.SectionId));
        Field(p => p.Tags);
        Field<ConsentType>("emailConsent").Resolve(ctx => ctx.Source.EmailConsent);
        Field<ConsentType>("smsConsent").Resolve(ctx => ctx.Source.SmsConsent);
        Field<NonNullGraphType<ProfileVisibilityType>>("profileVisibility").Resolve(ctx => ctx.Source.ProfileVisibility);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGrantType>>>>("grants")
            .Description("Active roles and delegations this person holds.")
            .Resolve(ctx => ctx.Service<ActiveGrantsLoader>().Load(ctx.Source.Id));
        Field(p => p.CreatedAt);
        Field(p => p.UpdatedAt);
    }
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

public sealed class ConsentType : ObjectGraphType<Consent>
{
    public ConsentType()
    {
        Name = "Consent";
        Field(c => c.Granted);
        Field<NonNullGraphType<ConsentMethodType>>("method").Resolve(ctx => ctx.Source.Method);
        Field(c => c.RecordedAt);
    }
}

public sealed class PersonKindType : EnumerationGraphType<PersonKind>
{
    public PersonKindType() => Name = "PersonKind";
}

public sealed class ProfileVisibilityType : EnumerationGraphType<ProfileVisibility>
{
    public ProfileVisibilityType() => Name = "ProfileVisibility";
}

public sealed class ConsentMethodType : EnumerationGraphType<ConsentMethod>
{
    public ConsentMethodType() => Name = "ConsentMethod";
}

public sealed class PersonSortType : EnumerationGraphType<PersonSort>
{
    public PersonSortType() => Name = "PersonSort";
}
