using GraphQL.Types;

namespace Coopol.Features.People;

public sealed class ConsentType : ObjectGraphType<CurrentConsent>
{
    public ConsentType()
    {
        Name = "Consent";
        Description = "The current value of one consent, derived from the ledger: granted is false when it was never given.";
        Field<NonNullGraphType<ConsentPurposeType>>("purpose").Resolve(ctx => ctx.Source.Purpose);
        Field<NonNullGraphType<ConsentChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field(c => c.Granted);
        Field<NonNullGraphType<BooleanGraphType>>("withdrawn").Description("Given once, then withdrawn: only the person can give it again.")
            .Resolve(ctx => !ctx.Source.Granted && ctx.Source.At is not null);
        Field<ConsentMethodType>("method").Resolve(ctx => ctx.Source.Method);
        Field(c => c.At, nullable: true).Description("When the latest grant or withdrawal was recorded.");
    }
}

public sealed class ConsentRecordType : ObjectGraphType<ConsentRecord>
{
    public ConsentRecordType()
    {
        Name = "ConsentRecord";
        Description = "One line of the consent ledger.";
        Field<NonNullGraphType<ConsentPurposeType>>("purpose").Resolve(ctx => ctx.Source.Purpose);
        Field<NonNullGraphType<ConsentChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field(c => c.Granted);
        Field<NonNullGraphType<ConsentMethodType>>("method").Resolve(ctx => ctx.Source.Method);
        Field(c => c.At);
        Field(c => c.WordingVersion, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("recordedByThePerson").Resolve(ctx => ctx.Source.RecordedById == ctx.Source.PersonId);
    }
}

public sealed class ConsentWordingType : ObjectGraphType<ConsentWordings.Wording>
{
    public ConsentWordingType()
    {
        Name = "ConsentWording";
        Description = "The text shown when a consent is asked; a grant records its version.";
        Field<NonNullGraphType<ConsentPurposeType>>("purpose").Resolve(ctx => ctx.Source.Purpose);
        Field<NonNullGraphType<ConsentChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field(w => w.Version);
        Field(w => w.French);
        Field(w => w.English);
    }
}

public sealed class ConsentPurposeType : EnumerationGraphType<ConsentPurpose>
{
    public ConsentPurposeType()
    {
        Name = "ConsentPurpose";
        Description = "NEWS: the section's newsletters and news. ACTIONS: invitations to field actions and their reminders.";
    }
}

public sealed class ConsentChannelType : EnumerationGraphType<ConsentChannel>
{
    public ConsentChannelType() => Name = "ConsentChannel";
}

public sealed class ConsentMethodType : EnumerationGraphType<ConsentMethod>
{
    public ConsentMethodType() => Name = "ConsentMethod";
}
