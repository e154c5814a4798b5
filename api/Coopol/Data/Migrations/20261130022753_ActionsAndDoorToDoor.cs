using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActionsAndDoorToDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "People",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254);

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FederationCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MeetingPoint = table.Column<Point>(type: "geography(point,4326)", nullable: false),
                    SearchPoint = table.Column<Point>(type: "geography(point,4326)", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    AttendanceTarget = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TurfStationIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    TurfArea = table.Column<MultiPolygon>(type: "geometry(multipolygon,4326)", nullable: true),
                    Campaign = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Questions = table.Column<string>(type: "jsonb", nullable: false),
                    OrganizerIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DuplicatedFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.CheckConstraint("CK_Actions_EndsAfterStart", "\"EndsAt\" > \"StartsAt\"");
                    table.CheckConstraint("CK_Actions_TargetWithinCapacity", "\"Capacity\" IS NULL OR \"AttendanceTarget\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_Actions_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    StreetName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Suffix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Point = table.Column<Point>(type: "geography(point,4326)", nullable: false),
                    StationId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Generated = table.Column<bool>(type: "boolean", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Addresses_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Addresses_PollingStations_StationId",
                        column: x => x.StationId,
                        principalTable: "PollingStations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SilencePeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ElectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SilencePeriods", x => x.Id);
                    table.CheckConstraint("CK_SilencePeriods_EndsAfterStart", "\"EndsAt\" > \"StartsAt\"");
                    table.ForeignKey(
                        name: "FK_SilencePeriods_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HeldReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionNotices_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionNotices_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedInById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionParticipants_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionParticipants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TurfShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AddressIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    Doors = table.Column<int>(type: "integer", nullable: false),
                    CheckedOutById = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckedOutAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurfShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TurfShares_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TurfShares_People_CheckedOutById",
                        column: x => x.CheckedOutById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VisitorSignups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Location = table.Column<Point>(type: "geography(point,4326)", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Suppressed = table.Column<bool>(type: "boolean", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitorSignups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitorSignups_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitorSignups_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AddressId = table.Column<long>(type: "bigint", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DoorCount = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Buildings", x => x.Id);
                    table.CheckConstraint("CK_Buildings_DoorCount", "\"DoorCount\" BETWEEN 1 AND 500");
                    table.ForeignKey(
                        name: "FK_Buildings_Addresses_AddressId",
                        column: x => x.AddressId,
                        principalTable: "Addresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CanvassedBuildings",
                columns: table => new
                {
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Campaign = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false),
                    Progress = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShareId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CanvassedBuildings", x => new { x.SectionId, x.Campaign, x.BuildingId });
                    table.ForeignKey(
                        name: "FK_CanvassedBuildings_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CanvassedBuildings_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Doors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Doors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Doors_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DoorReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShareId = table.Column<long>(type: "bigint", nullable: true),
                    DoorId = table.Column<long>(type: "bigint", nullable: false),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false),
                    AddressId = table.Column<long>(type: "bigint", nullable: false),
                    StationId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FederationCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Answers = table.Column<string>(type: "jsonb", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoorReports_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DoorReports_Doors_DoorId",
                        column: x => x.DoorId,
                        principalTable: "Doors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DoorReports_People_ContactId",
                        column: x => x.ContactId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DoorReports_People_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sections_SeatLocation",
                table: "Sections",
                column: "SeatLocation")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email_All",
                table: "People",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_People_Phone",
                table: "People",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotices_ActionId_Id",
                table: "ActionNotices",
                columns: new[] { "ActionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotices_Key",
                table: "ActionNotices",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotices_PersonId",
                table: "ActionNotices",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionParticipants_ActionId_PersonId",
                table: "ActionParticipants",
                columns: new[] { "ActionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionParticipants_ActionId_Status_JoinedAt_Id",
                table: "ActionParticipants",
                columns: new[] { "ActionId", "Status", "JoinedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionParticipants_PersonId",
                table: "ActionParticipants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizerIds",
                table: "Actions",
                column: "OrganizerIds")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_SearchPoint",
                table: "Actions",
                column: "SearchPoint",
                filter: "\"Status\" = 'Published'")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_SectionId_StartsAt_Id",
                table: "Actions",
                columns: new[] { "SectionId", "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_Status_StartsAt",
                table: "Actions",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_CommuneCode",
                table: "Addresses",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_Key",
                table: "Addresses",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_Point",
                table: "Addresses",
                column: "Point")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_StationId",
                table: "Addresses",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_AddressId",
                table: "Buildings",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_CanvassedBuildings_BuildingId",
                table: "CanvassedBuildings",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_CanvassedBuildings_ShareId",
                table: "CanvassedBuildings",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_ActionId_DoorId",
                table: "DoorReports",
                columns: new[] { "ActionId", "DoorId" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_ClientId",
                table: "DoorReports",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_ContactId",
                table: "DoorReports",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_DoorId",
                table: "DoorReports",
                column: "DoorId");

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_FederationCode_VisitedAt",
                table: "DoorReports",
                columns: new[] { "FederationCode", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_ReporterId",
                table: "DoorReports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_SectionId_VisitedAt",
                table: "DoorReports",
                columns: new[] { "SectionId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorReports_StationId_VisitedAt",
                table: "DoorReports",
                columns: new[] { "StationId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Doors_BuildingId_Position",
                table: "Doors",
                columns: new[] { "BuildingId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SilencePeriods_ElectionId",
                table: "SilencePeriods",
                column: "ElectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SilencePeriods_EndsAt_StartsAt",
                table: "SilencePeriods",
                columns: new[] { "EndsAt", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TurfShares_ActionId_Number",
                table: "TurfShares",
                columns: new[] { "ActionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TurfShares_CheckedOutById",
                table: "TurfShares",
                column: "CheckedOutById");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_ActionId",
                table: "VisitorSignups",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_Email_CreatedAt",
                table: "VisitorSignups",
                columns: new[] { "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_ExpiresAt",
                table: "VisitorSignups",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_PersonId",
                table: "VisitorSignups",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_Phone_CreatedAt",
                table: "VisitorSignups",
                columns: new[] { "Phone", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_TokenHash",
                table: "VisitorSignups",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionNotices");

            migrationBuilder.DropTable(
                name: "ActionParticipants");

            migrationBuilder.DropTable(
                name: "CanvassedBuildings");

            migrationBuilder.DropTable(
                name: "DoorReports");

            migrationBuilder.DropTable(
                name: "SilencePeriods");

            migrationBuilder.DropTable(
                name: "TurfShares");

            migrationBuilder.DropTable(
                name: "VisitorSignups");

            migrationBuilder.DropTable(
                name: "Doors");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "Buildings");

            migrationBuilder.DropTable(
                name: "Addresses");

            migrationBuilder.DropIndex(
                name: "IX_Sections_SeatLocation",
                table: "Sections");

            migrationBuilder.DropIndex(
                name: "IX_People_Email_All",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Phone",
                table: "People");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "People",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);
        }
    }
}
