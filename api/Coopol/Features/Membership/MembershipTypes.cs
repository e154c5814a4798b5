using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.JobRuns;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using GraphQL;
using GraphQL.Types;

namespace Coopol.Features.Membership;

public sealed class MembershipFieldType : EnumerationGraphType<MembershipField>
{
    public MembershipFieldType()
    {
        Name = "MembershipField";
        Description = "What a column of a membership file holds.";
    }
}

public sealed class MembershipImportStatusType : EnumerationGraphType<MembershipImportStatus>
{
    public MembershipImportStatusType() => Name = "MembershipImportStatus";
}

public sealed class MembershipChangeKindType : EnumerationGraphType<MembershipChangeKind>
{
    public MembershipChangeKindType() => Name = "MembershipChangeKind";
}

public sealed class MembershipColumnType : ObjectGraphType<KeyValuePair<MembershipField, string>>
{
    public MembershipColumnType()
    {
        Name = "MembershipColumn";
        Description = "A field and the header of the column it is read from.";
        Field<NonNullGraphType<MembershipFieldType>>("field").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("column").Resolve(ctx => ctx.Source.Value);
    }
}

public sealed class MembershipColumnInputType : InputObjectGraphType<MembershipColumnInput>
{
    public MembershipColumnInputType()
    {
        Name = "MembershipColumnInput";
        Field<NonNullGraphType<MembershipFieldType>>("field");
        Field<NonNullGraphType<StringGraphType>>("column").Description("The header of the file's column, as it is written.");
    }
}

public sealed class StartMembershipImportInputType : InputObjectGraphType<StartMembershipImportInput>
{
    public StartMembershipImportInputType()
    {
        Name = "StartMembershipImportInput";
        Description = "A dry run of an uploaded file, or its apply (naming the dry run it follows, with the same mapping).";
        Field<NonNullGraphType<IdGraphType>>("uploadId").Description("From POST /membership/uploads.");
        Field<IdGraphType>("scopeId").Description("The federation; none for the whole party.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipColumnInputType>>>>("mapping");
        Field<NonNullGraphType<BooleanGraphType>>("dryRun");
        Field<IdGraphType>("dryRunId").Description("For an apply: the dry run whose report was read.");
        Field<BooleanGraphType>("skipInvalidRows").DefaultValue(false)
            .Description("Apply all but the lines the dry run listed with problems (exactly those: refused if they changed).");
    }
}

public sealed class MembershipProblemType : ObjectGraphType<MembershipProblem>
{
    public MembershipProblemType()
    {
        Name = "MembershipProblem";
        Description = "A problem of the file: its line (1 is the header) and column (1 is A), none for the whole file.";
        Field(p => p.Line, nullable: true);
        Field(p => p.Column, nullable: true);
        Field(p => p.Code);
        Field(p => p.Message);
    }
}

public sealed class MembershipChangeType : ObjectGraphType<MembershipChange>
{
    public MembershipChangeType()
    {
        Name = "MembershipChange";
        Field<NonNullGraphType<MembershipChangeKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(c => c.Line, nullable: true);
        Field<IdGraphType>("personId").Description("The person, once applied (a new member's record exists only then).")
            .Resolve(ctx => ctx.Source.PersonId is { } id ? GlobalId.Encode(PersonService.NodeType, id) : null);
        Field(c => c.Name);
        Field(c => c.Detail, nullable: true);
    }
}

public sealed class MembershipImportCountsType : ObjectGraphType<MembershipImportCounts>
{
    public MembershipImportCountsType()
    {
        Name = "MembershipImportCounts";
        Field(c => c.NewMembers);
        Field(c => c.BecomeMembers).Description("Supporters or former members known by their email or number who become members.");
        Field(c => c.Updated);
        Field(c => c.MoveSection);
        Field(c => c.Unchanged);
        Field(c => c.BecomeFormerMembers).Description("Listed by this scope's previous file, absent from this one.");
        Field(c => c.RolesGranted);
        Field(c => c.RolesWithdrawn);
        Field(c => c.RolesNotGranted);
        Field(c => c.ConsentsRecorded);
        Field(c => c.SkippedRows);
    }
}

public sealed class MembershipImportType : ObjectGraphType<MembershipImport>
{
    public MembershipImportType()
    {
        Name = "MembershipImport";
        Description = "The report of a dry run or an apply of a membership file, for those who manage the people of its scope.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(MembershipImportService.NodeType, ctx.Source.Id));
        Field(i => i.Scope).Description("FR for the whole party, else the federation's code.");
        Field(i => i.FileName);
        Field(i => i.FileBytes);
        Field(i => i.Encoding, nullable: true).Description("UTF-8, Windows-1252 (Latin-1) or XLSX.");
        Field(i => i.DryRun);
        Field(i => i.SkipInvalidRows);
        Field<NonNullGraphType<MembershipImportStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(i => i.Rows);
        Field<NonNullGraphType<MembershipImportCountsType>>("counts").Resolve(ctx => ctx.Source.Counts);
        Field(i => i.ProblemCount).Description("All problems; the list holds the first 500.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipProblemType>>>>("problems").Resolve(ctx => ctx.Source.Problems);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipChangeType>>>>("changes")
            .Description("Changes, up to 500 of each kind (the counts are complete).")
            .Argument<MembershipChangeKindType>("kind")
            .Resolve(ctx => ctx.GetArgument<MembershipChangeKind?>("kind") is { } kind
                ? ctx.Source.Changes.Where(c => c.Kind == kind).ToList() : ctx.Source.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipColumnType>>>>("mapping")
            .Resolve(ctx => ctx.Source.Mapping.OrderBy(m => m.Key).ToList());
        Field<IdGraphType>("dryRunId").Resolve(ctx => ctx.Source.DryRunId is { } id ? GlobalId.Encode(MembershipImportService.NodeType, id) : null);
        Field<IdGraphType>("uploadId").Resolve(ctx => ctx.Source.UploadId is { } id ? GlobalId.Encode(MembershipImportService.UploadNodeType, id) : null);
        Field<IdGraphType>("runId").Resolve(ctx => ctx.Source.JobRunId is { } id ? GlobalId.Encode(JobRunService.NodeType, id) : null);
        Field(i => i.StartedAt);
        Field(i => i.FinishedAt, nullable: true);
    }
}

public sealed class StartMembershipImportPayloadType() : PayloadType<JobRunType, JobRun>("StartMembershipImportPayload", "run");
