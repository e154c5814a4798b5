using System.Globalization;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.Actions;
using Coopol.Geo;
using GraphQL;
using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Canvassing;

public sealed class TurfShareType : ObjectGraphType<ShareView>
{
    public TurfShareType()
    {
        Name = "TurfShare";
        Description = "A volunteer's part of a door-to-door's turf, in walking order.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => IdOf(ctx.Source.Share));
        Field<NonNullGraphType<IntGraphType>>("number").Resolve(ctx => ctx.Source.Share.Number);
        Field<NonNullGraphType<IntGraphType>>("doors").Resolve(ctx => ctx.Source.Addresses.Sum(a => a.Buildings.Sum(b => b.Doors.Count)));
        Field<NonNullGraphType<IntGraphType>>("doorsReported").Resolve(ctx => ctx.Source.Addresses.Sum(a => a.Buildings.Sum(b => b.Doors.Count(d => d.Outcome is not null))));
        Field<NonNullGraphType<BooleanGraphType>>("heldByViewer").Resolve(ctx => ctx.Source.HeldByViewer);
        Field<NonNullGraphType<BooleanGraphType>>("checkedOut").Resolve(ctx => ctx.Source.Share.CheckedOutById is not null);
        Field<StringGraphType>("holderName").Description("Who works it (for those who run the action).").Resolve(ctx => ctx.Source.HolderName);
        Field<DateTimeGraphType>("checkedOutAt").Resolve(ctx => ctx.Source.Share.CheckedOutAt);
        Field<NonNullGraphType<ActionType>>("action").Resolve(ctx => ctx.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("pdfUrl").Resolve(ctx => $"/walk-lists/{IdOf(ctx.Source.Share)}.pdf");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalkAddressType>>>>("addresses")
            // Read from memory: a share holds a few hundred addresses, each a building or two with a few doors.
            .WithComplexityImpact(1, 50).Resolve(ctx => ctx.Source.Addresses);
    }

    public static string IdOf(TurfShare share) => GlobalId.Encode(CanvassService.ShareNodeType, share.Id.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A share in an action's list: no walk list (open it with turfShare).</summary>
public sealed class TurfShareSummaryType : ObjectGraphType<ShareSummary>
{
    public TurfShareSummaryType()
    {
        Name = "TurfShareSummary";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => TurfShareType.IdOf(ctx.Source.Share));
        Field<NonNullGraphType<IntGraphType>>("number").Resolve(ctx => ctx.Source.Share.Number);
        Field<NonNullGraphType<IntGraphType>>("doors").Resolve(ctx => ctx.Source.Share.Doors);
        Field<NonNullGraphType<IntGraphType>>("doorsReported").Resolve(ctx => ctx.Source.DoorsReported);
        Field<NonNullGraphType<IntGraphType>>("addresses").Resolve(ctx => ctx.Source.Share.AddressIds.Count);
        Field<NonNullGraphType<BooleanGraphType>>("checkedOut").Resolve(ctx => ctx.Source.Share.CheckedOutById is not null);
        Field<NonNullGraphType<BooleanGraphType>>("heldByViewer").Resolve(ctx => ctx.Source.HeldByViewer);
        Field<StringGraphType>("holderName").Description("Who works it (for those who run the action).").Resolve(ctx => ctx.Source.HolderName);
        Field<DateTimeGraphType>("releasedAt").Resolve(ctx => ctx.Source.Share.ReleasedAt);
    }
}

public sealed class WalkAddressType : ObjectGraphType<WalkAddress>
{
    public WalkAddressType()
    {
        Name = "WalkAddress";
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(ctx => ctx.Source.Address.Label);
        Field<NonNullGraphType<StringGraphType>>("street").Resolve(ctx => ctx.Source.Address.StreetName);
        Field<NonNullGraphType<IntGraphType>>("number").Resolve(ctx => ctx.Source.Address.Number);
        Field<StringGraphType>("suffix").Resolve(ctx => ctx.Source.Address.Suffix);
        Field<StringGraphType>("stationId").Resolve(ctx => ctx.Source.Address.StationId);
        Field<NonNullGraphType<GeoPointType>>("point")
            .Resolve(ctx => new Point(ctx.Source.Address.Longitude, ctx.Source.Address.Latitude) { SRID = 4326 });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalkBuildingType>>>>("buildings").WithComplexityImpact(1, 2).Resolve(ctx => ctx.Source.Buildings);
    }
}

public sealed class WalkBuildingType : ObjectGraphType<WalkBuilding>
{
    public WalkBuildingType()
    {
        Name = "WalkBuilding";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Building", ctx.Source.Building.Id.ToString(CultureInfo.InvariantCulture)));
        Field<StringGraphType>("label").Resolve(ctx => ctx.Source.Building.Label);
        Field<IntGraphType>("doorCount").Description("As entered by a volunteer; null while unknown.").Resolve(ctx => ctx.Source.Building.DoorCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalkDoorType>>>>("doors").WithComplexityImpact(1, 4).Resolve(ctx => ctx.Source.Doors);
    }
}

public sealed class WalkDoorType : ObjectGraphType<WalkDoor>
{
    public WalkDoorType()
    {
        Name = "WalkDoor";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(DoorReportService.DoorNodeType, ctx.Source.Door.Id.ToString(CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(ctx => ctx.Source.Door.Label);
        Field<DoorOutcomeType>("outcome").Description("The latest report of this door in this action.").Resolve(ctx => ctx.Source.Outcome);
    }
}

public sealed class DoorOutcomeType : EnumerationGraphType<DoorOutcome>
{
    public DoorOutcomeType() => Name = "DoorOutcome";
}

public sealed class DoorReportStatusType : EnumerationGraphType<DoorReportStatus>
{
    public DoorReportStatusType() => Name = "DoorReportStatus";
}

public sealed class ReviewLevelType : EnumerationGraphType<ReviewLevel>
{
    public ReviewLevelType() => Name = "ReviewLevel";
}

public sealed class DoorReportResultType : ObjectGraphType<DoorReportResult>
{
    public DoorReportResultType()
    {
        Name = "DoorReportResult";
        Field(r => r.ClientId, type: typeof(NonNullGraphType<GuidGraphType>));
        Field<NonNullGraphType<DoorReportStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(r => r.Code, nullable: true);
        Field(r => r.Message, nullable: true);
    }
}

public sealed class FieldActivityType : ObjectGraphType<FieldActivity>
{
    public FieldActivityType()
    {
        Name = "FieldActivity";
        Description = "Field work of a zone (and week). Counts of people from 1 to 4 are withheld (null, withheld true).";
        Field(a => a.Key).Description("A polling station code, a section's database id, a federation code, or FR.");
        Field(a => a.Label);
        Field<DateOnlyGraphType>("week").Description("Monday of the week, when asked by week.").Resolve(ctx => ctx.Source.Week);
        Field(a => a.ActionsHeld);
        Field(a => a.AttendanceTarget);
        Field(a => a.Volunteers, nullable: true).Description("People who reported doors.");
        Field(a => a.CheckedIn, nullable: true);
        Field(a => a.DoorsKnocked, nullable: true);
        Field(a => a.Contacts, nullable: true).Description("Doors that opened and talked.");
        Field(a => a.NewSupporters, nullable: true);
        Field(a => a.Withheld);
    }
}

public sealed class DoorContactInputType : InputObjectGraphType<DoorContactInput>
{
    public DoorContactInputType()
    {
        Name = "DoorContactInput";
        Field(x => x.FirstName);
        Field(x => x.LastName, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field(x => x.ConsentGiven).Description("The household agreed to be told about actions on the channels given.");
    }
}

public sealed class DoorAnswerInputType : InputObjectGraphType<DoorAnswerInput>
{
    public DoorAnswerInputType()
    {
        Name = "DoorAnswerInput";
        Field(x => x.QuestionId);
        Field(x => x.Value).Description("yes/no, one of the choices, or text.");
    }
}

public sealed class DoorReportInputType : InputObjectGraphType<DoorReportInput>
{
    public DoorReportInputType()
    {
        Name = "DoorReportInput";
        Field(x => x.ClientId, type: typeof(NonNullGraphType<GuidGraphType>)).Description("Made by the phone: a resend with the same id is a duplicate.");
        Field<NonNullGraphType<IdGraphType>>("doorId");
        Field<NonNullGraphType<DoorOutcomeType>>("outcome");
        Field<ListGraphType<NonNullGraphType<DoorAnswerInputType>>>("answers");
        Field(x => x.Note, nullable: true);
        Field<NonNullGraphType<DateTimeGraphType>>("visitedAt");
        Field<DoorContactInputType>("contact");
    }
}

public sealed class SubmitDoorReportsInputType : InputObjectGraphType<SubmitDoorReportsInput>
{
    public SubmitDoorReportsInputType()
    {
        Name = "SubmitDoorReportsInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DoorReportInputType>>>>("reports");
    }
}

public sealed class TurfSharePayloadType() : PayloadType<TurfShareType, ShareView>("TurfSharePayload", "share");

/// <summary>The shares made by a split.</summary>
public sealed record SplitResult(IReadOnlyList<ShareSummary> Shares);

public sealed class SplitResultType : ObjectGraphType<SplitResult>
{
    public SplitResultType()
    {
        Name = "TurfSplit";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TurfShareSummaryType>>>>("shares").Resolve(ctx => ctx.Source.Shares);
    }
}

public sealed class SplitTurfPayloadType() : PayloadType<SplitResultType, SplitResult>("SplitTurfPayload", "split");

public sealed record DoorReportsResult(IReadOnlyList<DoorReportResult> Results);

public sealed class DoorReportsResultType : ObjectGraphType<DoorReportsResult>
{
    public DoorReportsResultType()
    {
        Name = "DoorReportsResult";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DoorReportResultType>>>>("results").Resolve(ctx => ctx.Source.Results);
    }
}

public sealed class SubmitDoorReportsPayloadType() : PayloadType<DoorReportsResultType, DoorReportsResult>("SubmitDoorReportsPayload", "submitted");

public sealed class SetDoorCountPayloadType() : PayloadType<WalkBuildingType, WalkBuilding>("SetBuildingDoorCountPayload", "building");
