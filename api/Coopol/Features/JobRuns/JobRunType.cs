using Coopol.Common;
using GraphQL.Types;

namespace Coopol.Features.JobRuns;

public sealed class JobRunType : ObjectGraphType<JobRun>
{
    public JobRunType()
    {
        Name = "JobRun";
        Description = "A background job started by the viewer: its progress and how it ended. Only its starter sees it.";
        Interface<Common.GraphQL.NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(JobRunService.NodeType, ctx.Source.Id));
        Field(r => r.Kind).Description("What the job does, e.g. people-export.");
        Field<NonNullGraphType<JobRunStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(r => r.Done).Description("Items processed so far.");
        Field(r => r.Total, nullable: true).Description("Items to process, when known.");
        Field(r => r.Summary, nullable: true);
        Field(r => r.StopCode, nullable: true).Description("Why the job stopped or failed (RIGHT_REVOKED, INTERNAL_ERROR...).");
        Field(r => r.StopReason, nullable: true);
        Field(r => r.ResultUrl, nullable: true).Description("Where its result is fetched (GET with the same bearer token).");
        Field(r => r.CreatedAt);
        Field(r => r.StartedAt, nullable: true);
        Field(r => r.FinishedAt, nullable: true);
    }
}

public sealed class JobRunStatusType : EnumerationGraphType<JobRunStatus>
{
    public JobRunStatusType() => Name = "JobRunStatus";
}
