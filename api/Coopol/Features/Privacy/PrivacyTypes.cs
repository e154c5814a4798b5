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
