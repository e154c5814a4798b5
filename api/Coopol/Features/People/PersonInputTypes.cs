using Coopol.Geo;
using GraphQL.Types;

namespace Coopol.Features.People;

public sealed class PersonFilterType : InputObjectGraphType<PersonFilter>
{
    public PersonFilterType()
    {
        Name = "PersonFilter";
        Field(x => x.Search, nullable: true)
            .Description($"Words matched in first name, last name or email (case and accent insensitive, at most {PersonSearch.MaxLength} characters).");
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
        Description = "A consent the person gave on paper or orally, recorded when adding them.";
        Field<NonNullGraphType<ConsentPurposeType>>("purpose");
        Field<NonNullGraphType<ConsentChannelType>>("channel");
        Field(x => x.Granted);
        Field<NonNullGraphType<ConsentMethodType>>("method");
        Field(x => x.WordingVersion, nullable: true).Description("The version of the wording shown (consentWordings); required to grant.");
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
        Field<ListGraphType<NonNullGraphType<ConsentInputType>>>("consents");
        Field<ProfileVisibilityType>("profileVisibility").DefaultValue(ProfileVisibility.Section);
    }
}

public sealed class UpdatePersonInputType : InputObjectGraphType<UpdatePersonInput>
{
    public UpdatePersonInputType()
    {
        Name = "UpdatePersonInput";
        Description = "Omitted or null fields are left unchanged; an empty phone clears it. Consents are recorded with recordConsent.";
        Field<NonNullGraphType<IdGraphType>>("personId");
        Field<PersonKindType>("kind");
        Field(x => x.FirstName, nullable: true);
        Field(x => x.LastName, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field<PostalAddressInputType>("address");
        Field<GeoPointInputType>("location");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
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

public sealed class RecordConsentInputType : InputObjectGraphType<RecordConsentInput>
{
    public RecordConsentInputType()
    {
        Name = "RecordConsentInput";
        Description = "The person records their own consents (WEB_FORM); a manager of their section records one given on paper "
            + "(PAPER_FORM) or orally (ORAL), or a withdrawal. After a withdrawal only the person can grant again.";
        Field<NonNullGraphType<IdGraphType>>("personId");
        Field<NonNullGraphType<ConsentPurposeType>>("purpose");
        Field<NonNullGraphType<ConsentChannelType>>("channel");
        Field(x => x.Granted);
        Field<NonNullGraphType<ConsentMethodType>>("method");
        Field(x => x.WordingVersion, nullable: true).Description("The version of the wording shown; required to grant.");
    }
}

public sealed class AnswerSectionInvitationInputType : InputObjectGraphType<AnswerSectionInvitationInput>
{
    public AnswerSectionInvitationInputType()
    {
        Name = "AnswerSectionInvitationInput";
        Field<NonNullGraphType<IdGraphType>>("invitationId");
        Field(x => x.Accept).Description("True to join the section (and be one record with the section's), false to stay where you are.");
    }
}

public sealed class ExportPeopleInputType : InputObjectGraphType<ExportPeopleInput>
{
    public ExportPeopleInputType()
    {
        Name = "ExportPeopleInput";
        Field<IdGraphType>("scopeId").Description("A section or federation; omitted for the whole party (national rights).");
        Field<PersonKindType>("kind");
        Field(x => x.Tag, nullable: true);
        Field(x => x.Search, nullable: true).Description("Words matched as in people(filter: { search }).");
    }
}
