using Coopol.Common;
using Coopol.Common.Imports;
using GraphQL.Types;

namespace Coopol.Features.Imports;

public sealed class ImportReportType : ObjectGraphType<ImportReport>
{
    public ImportReportType()
    {
        Name = "ImportReport";
        Description = "What one import did: counts and warnings, or the problem (line and column) that stopped it.";
        Interface<Common.GraphQL.NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ImportService.NodeType, ctx.Source.Id));
        Field(r => r.Kind);
        Field(r => r.FileName);
        Field<NonNullGraphType<FloatGraphType>>("fileBytes").Resolve(ctx => (double)ctx.Source.FileBytes);
        Field(r => r.DryRun);
        Field<NonNullGraphType<ImportStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(r => r.Summary, nullable: true);
        Field(r => r.Counts, nullable: true).Description("The counts, as a JSON object (stations, candidates...).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("warnings").Resolve(ctx => ctx.Source.Warnings)
            .Description("The first 200 warnings.");
        Field(r => r.WarningCount);
        Field(r => r.Problem, nullable: true).Description("Why the file was rejected: `line L, column C: problem`.");
        Field(r => r.StartedAt);
        Field(r => r.FinishedAt);
    }
}

public sealed class ImportStatusType : EnumerationGraphType<ImportStatus>
{
    public ImportStatusType() => Name = "ImportStatus";
}

public sealed record ImportOption(string Name, string Description);

public sealed class ImportKindType : ObjectGraphType<IImporter>
{
    public ImportKindType()
    {
        Name = "ImportKind";
        Description = "A kind of file Coopol reads, and the options it takes.";
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(ctx => ctx.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportOptionType>>>>("options")
            .Resolve(ctx => ctx.Source.Options.Select(kv => new ImportOption(kv.Key, kv.Value)).ToList());
    }
}

public sealed class ImportOptionType : ObjectGraphType<ImportOption>
{
    public ImportOptionType()
    {
        Name = "ImportOption";
        Field(o => o.Name);
        Field(o => o.Description);
    }
}
