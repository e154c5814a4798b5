using Coopol.Common.GraphQL;
using Coopol.Features.JobRuns;
using GraphQL.Types;

namespace Coopol.Features.Privacy;

public sealed class ErasePersonalDataInputType : InputObjectGraphType<ErasePersonalDataInput>
{
    public ErasePersonalDataInputType()
    {
        Name = "ErasePersonalDataInput";
        Description = "Whose data (none: the viewer's own; else a person of a section the viewer manages, on their request), and the word ERASE.";
        Field<IdGraphType>("personId");
        Field<NonNullGraphType<StringGraphType>>("confirmation");
    }
}

public sealed class ErasureRecordType : ObjectGraphType<ErasureRecord>
{
    public ErasureRecordType()
    {
        Name = "ErasureRecord";
        Description = "That an erasure happened: when, and how many rows of each table went (never what they held).";
        Field(e => e.At);
        Field(e => e.ByThemselves);
        Field<NonNullGraphType<IntGraphType>>("rows").Description("Rows deleted or unlinked, all tables together.").Resolve(ctx => ctx.Source.Rows.Values.Sum());
    }
}

public sealed class ErasePersonalDataPayloadType() : PayloadType<ErasureRecordType, ErasureRecord>("ErasePersonalDataPayload", "erasure");

public sealed class ExportPersonalDataPayloadType() : PayloadType<JobRunType, JobRun>("ExportPersonalDataPayload", "run");

public sealed class RetentionRunType : ObjectGraphType<RetentionRun>
{
    public static readonly Coopol.Common.Paging.KeysetOrder<RetentionRun> Order = Coopol.Common.Paging.KeysetOrder<RetentionRun>.DescendingBy("runs",
        Coopol.Common.Paging.KeysetOrder<RetentionRun>.Key(r => r.At), Coopol.Common.Paging.KeysetOrder<RetentionRun>.Key(r => r.Id));

    public RetentionRunType()
    {
        Name = "RetentionRun";
        Description = "A run of the retention policies: counts only, never who.";
        Field(r => r.At);
        Field(r => r.DryRun);
        Field(r => r.Trigger);
        Field(r => r.CanvassingReports).Description("Door reports whose data about people was (or would be) purged; their outcome stays.");
        Field(r => r.InactiveSupporters).Description("Supporters with no activity and no renewed consent, erased.");
        Field(r => r.FormerMembers).Description("Former members kept past the configured time, erased.");
        Field(r => r.ImportReports).Description("Membership import reports past their time, deleted.");
    }
}
