using Coopol.Common;
using Coopol.Common.GraphQL;
using GraphQL.Types;

namespace Coopol.Features.Elections;

public sealed class SilencePeriodType : ObjectGraphType<SilencePeriod>
{
    public SilencePeriodType()
    {
        Name = "SilencePeriod";
        Description = "Electoral silence: no new action is published and reminders are held, on the eve and the day of a vote.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ElectoralSilence.NodeType, ctx.Source.Id));
        Field(s => s.Scope).Description("FR, a département code or a commune code.");
        Field(s => s.Name);
        Field(s => s.StartsAt);
        Field(s => s.EndsAt);
    }
}

public sealed class SetSilenceInputType : InputObjectGraphType<SetSilenceInput>
{
    public SetSilenceInputType()
    {
        Name = "SetElectoralSilenceInput";
        Description = "By default the silence runs from the eve's midnight to 20:00 on the vote's day, Paris time.";
        Field<IdGraphType>("electionId");
        Field(x => x.Scope).DefaultValue("FR");
        Field(x => x.Name, nullable: true);
        Field<DateOnlyGraphType>("voteDate");
        Field<DateTimeGraphType>("startsAt");
        Field<DateTimeGraphType>("endsAt");
    }
}

public sealed class SilencePayloadType() : PayloadType<SilencePeriodType, SilencePeriod>("ElectoralSilencePayload", "silence");
