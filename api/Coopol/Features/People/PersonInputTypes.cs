using Coopol.Common.GraphQL;
using GraphQL.Types;

namespace Coopol.Features.People;

public sealed class PersonFilterType : InputObjectGraphType<PersonFilter>
{
    public PersonFilterType()
    {
        Name = "PersonFilter";
        Field(x => x.Search, nullable: true).Description("Matches first name, last name or email (case and accent insensitive).");
        Field<IdGraphType>("sectionId");
        Field(x => x.FederationCode, nullable: true);
        Field<PersonKindType>("kind");
        Field(x => x.Tag, nullable: true);
    }
}

public sealed class PostalAddressInputType : InputObjectGraphType<PostalAddressInput>
{
    public PostalAddressInputType()
    {
        Name = "PostalAddressInput";
        Field(x => x.Line1);
        Field(x => x.Line2, nullable: true);
        Field(x => x.PostalCode);
        Field(x => x.City);
        Field(x => x.Country, nullable: true).DefaultValue("FR");
    }
}

public sealed class ConsentInputType : InputObjectGraphType<ConsentInput>
{
    public ConsentInputType()
    {
        Name = "ConsentInput";
        Field(x => x.Granted);
        Field<NonNullGraphType<ConsentMethodType>>("method");
    }
}

public sealed class AddPersonInputType : InputObjectGraphType<AddPersonInput>
{
    public AddPersonInputType()
    {
        Name = "AddPersonInput";
        Field<NonNullGraphType<IdGraphType>>("sectionId");
        Field<NonNullGraphType<PersonKindType>>("kind");
        Field(x => x.FirstName);
        Field(x => x.LastName);
        Field(x => x.Email);
        Field(x => x.Phone, nullable: true);
        Field<PostalAddressInputType>("address");
        Field<GeoPointInputType>("location");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<ConsentInputType>("emailConsent");
        Field<ConsentInputType>("smsConsent");
        Field<ProfileVisibilityType>("profileVisibility").DefaultValue(ProfileVisibility.Section);
    }
}

public sealed class UpdatePersonInputType : InputObjectGraphType<UpdatePersonInput>
{
    public UpdatePersonInputType()
    {
        Name = "UpdatePersonInput";
        Description = "Omitted or null fields are left unchanged; an empty phone clears it.";
        Field<NonNullGraphType<IdGraphType>>("personId");
        Field<PersonKindType>("kind");
        Field(x => x.FirstName, nullable: true);
        Field(x => x.LastName, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field<PostalAddressInputType>("address");
        Field<GeoPointInputType>("location");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<ConsentInputType>("emailConsent");
        Field<ConsentInputType>("smsConsent");
        Field<ProfileVisibilityType>("profileVisibility");
    }
}

public sealed class MovePersonInputType : InputObjectGraphType<MovePersonInput>
{
    public MovePersonInputType()
    {
        Name = "MovePersonInput";
        Field<NonNullGraphType<IdGraphType>>("personId");
        Field<NonNullGraphType<IdGraphType>>("sectionId");
    }
}
