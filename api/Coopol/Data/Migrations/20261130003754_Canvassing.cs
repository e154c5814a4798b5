using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class Canvassing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Campaign",
                table: "Actions",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Questions",
                table: "Actions",
                type: "jsonb",
                nullable: false,
                // Actions made before questions existed have none (an empty string is not JSON).
                defaultValue: "[]");

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
                name: "IX_TurfShares_ActionId_Number",
                table: "TurfShares",
                columns: new[] { "ActionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TurfShares_CheckedOutById",
                table: "TurfShares",
                column: "CheckedOutById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CanvassedBuildings");

            migrationBuilder.DropTable(
                name: "DoorReports");

            migrationBuilder.DropTable(
                name: "TurfShares");

            migrationBuilder.DropColumn(
                name: "Campaign",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "Questions",
                table: "Actions");
        }
    }
}
